const t=globalThis,e=t.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,i=/* @__PURE__ */Symbol(),s=/* @__PURE__ */new WeakMap;let n=class{constructor(t,e,s){if(this._$cssResult$=!0,s!==i)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o;const i=this.t;if(e&&void 0===t){const e=void 0!==i&&1===i.length;e&&(t=s.get(i)),void 0===t&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),e&&s.set(i,t))}return t}toString(){return this.cssText}};const r=(t,...e)=>{const s=1===t.length?t[0]:e.reduce((e,i,s)=>e+(t=>{if(!0===t._$cssResult$)return t.cssText;if("number"==typeof t)return t;throw Error("Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+t[s+1],t[0]);return new n(s,t,i)},o=e?t=>t:t=>t instanceof CSSStyleSheet?(t=>{let e="";for(const i of t.cssRules)e+=i.cssText;return(t=>new n("string"==typeof t?t:t+"",void 0,i))(e)})(t):t,{is:a,defineProperty:l,getOwnPropertyDescriptor:c,getOwnPropertyNames:h,getOwnPropertySymbols:d,getPrototypeOf:u}=Object,p=globalThis,g=p.trustedTypes,_=g?g.emptyScript:"",m=p.reactiveElementPolyfillSupport,f=(t,e)=>t,v={toAttribute(t,e){switch(e){case Boolean:t=t?_:null;break;case Object:case Array:t=null==t?t:JSON.stringify(t)}return t},fromAttribute(t,e){let i=t;switch(e){case Boolean:i=null!==t;break;case Number:i=null===t?null:Number(t);break;case Object:case Array:try{i=JSON.parse(t)}catch(s){i=null}}return i}},y=(t,e)=>!a(t,e),$={attribute:!0,type:String,converter:v,reflect:!1,useDefault:!1,hasChanged:y};Symbol.metadata??=/* @__PURE__ */Symbol("metadata"),p.litPropertyMetadata??=/* @__PURE__ */new WeakMap;let w=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=$){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){const i=/* @__PURE__ */Symbol(),s=this.getPropertyDescriptor(t,i,e);void 0!==s&&l(this.prototype,t,s)}}static getPropertyDescriptor(t,e,i){const{get:s,set:n}=c(this.prototype,t)??{get(){return this[e]},set(t){this[e]=t}};return{get:s,set(e){const r=s?.call(this);n?.call(this,e),this.requestUpdate(t,r,i)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??$}static _$Ei(){if(this.hasOwnProperty(f("elementProperties")))return;const t=u(this);t.finalize(),void 0!==t.l&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(f("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(f("properties"))){const t=this.properties,e=[...h(t),...d(t)];for(const i of e)this.createProperty(i,t[i])}const t=this[Symbol.metadata];if(null!==t){const e=litPropertyMetadata.get(t);if(void 0!==e)for(const[t,i]of e)this.elementProperties.set(t,i)}this._$Eh=/* @__PURE__ */new Map;for(const[e,i]of this.elementProperties){const t=this._$Eu(e,i);void 0!==t&&this._$Eh.set(t,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){const e=[];if(Array.isArray(t)){const i=new Set(t.flat(1/0).reverse());for(const t of i)e.unshift(o(t))}else void 0!==t&&e.push(o(t));return e}static _$Eu(t,e){const i=e.attribute;return!1===i?void 0:"string"==typeof i?i:"string"==typeof t?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=/* @__PURE__ */new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=/* @__PURE__ */new Set).add(t),void 0!==this.renderRoot&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){const t=/* @__PURE__ */new Map,e=this.constructor.elementProperties;for(const i of e.keys())this.hasOwnProperty(i)&&(t.set(i,this[i]),delete this[i]);t.size>0&&(this._$Ep=t)}createRenderRoot(){const i=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return((i,s)=>{if(e)i.adoptedStyleSheets=s.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(const e of s){const s=document.createElement("style"),n=t.litNonce;void 0!==n&&s.setAttribute("nonce",n),s.textContent=e.cssText,i.appendChild(s)}})(i,this.constructor.elementStyles),i}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,i){this._$AK(t,i)}_$ET(t,e){const i=this.constructor.elementProperties.get(t),s=this.constructor._$Eu(t,i);if(void 0!==s&&!0===i.reflect){const n=(void 0!==i.converter?.toAttribute?i.converter:v).toAttribute(e,i.type);this._$Em=t,null==n?this.removeAttribute(s):this.setAttribute(s,n),this._$Em=null}}_$AK(t,e){const i=this.constructor,s=i._$Eh.get(t);if(void 0!==s&&this._$Em!==s){const t=i.getPropertyOptions(s),n="function"==typeof t.converter?{fromAttribute:t.converter}:void 0!==t.converter?.fromAttribute?t.converter:v;this._$Em=s;const r=n.fromAttribute(e,t.type);this[s]=r??this._$Ej?.get(s)??r,this._$Em=null}}requestUpdate(t,e,i,s=!1,n){if(void 0!==t){const r=this.constructor;if(!1===s&&(n=this[t]),i??=r.getPropertyOptions(t),!((i.hasChanged??y)(n,e)||i.useDefault&&i.reflect&&n===this._$Ej?.get(t)&&!this.hasAttribute(r._$Eu(t,i))))return;this.C(t,e,i)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(t,e,{useDefault:i,reflect:s,wrapped:n},r){i&&!(this._$Ej??=/* @__PURE__ */new Map).has(t)&&(this._$Ej.set(t,r??e??this[t]),!0!==n||void 0!==r)||(this._$AL.has(t)||(this.hasUpdated||i||(e=void 0),this._$AL.set(t,e)),!0===s&&this._$Em!==t&&(this._$Eq??=/* @__PURE__ */new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}const t=this.scheduleUpdate();return null!=t&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[t,e]of this._$Ep)this[t]=e;this._$Ep=void 0}const t=this.constructor.elementProperties;if(t.size>0)for(const[e,i]of t){const{wrapped:t}=i,s=this[e];!0!==t||this._$AL.has(e)||void 0===s||this.C(e,void 0,i,s)}}let t=!1;const e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(t=>t.hostUpdate?.()),this.update(e)):this._$EM()}catch(i){throw t=!1,this._$EM(),i}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=/* @__PURE__ */new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(t){}firstUpdated(t){}};w.elementStyles=[],w.shadowRootOptions={mode:"open"},w[f("elementProperties")]=/* @__PURE__ */new Map,w[f("finalized")]=/* @__PURE__ */new Map,m?.({ReactiveElement:w}),(p.reactiveElementVersions??=[]).push("2.1.2");const b=globalThis,x=t=>t,k=b.trustedTypes,A=k?k.createPolicy("lit-html",{createHTML:t=>t}):void 0,E="$lit$",S=`lit$${Math.random().toFixed(9).slice(2)}$`,C="?"+S,T=`<${C}>`,M=document,z=()=>M.createComment(""),N=t=>null===t||"object"!=typeof t&&"function"!=typeof t,I=Array.isArray,P="[ \t\n\f\r]",O=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,U=/-->/g,D=/>/g,H=RegExp(`>|${P}(?:([^\\s"'>=/]+)(${P}*=${P}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,"g"),R=/'/g,j=/"/g,L=/^(?:script|style|textarea|title)$/i,W=t=>(e,...i)=>({_$litType$:t,strings:e,values:i}),q=W(1),B=W(2),F=/* @__PURE__ */Symbol.for("lit-noChange"),V=/* @__PURE__ */Symbol.for("lit-nothing"),Z=/* @__PURE__ */new WeakMap,K=M.createTreeWalker(M,129);function G(t,e){if(!I(t)||!t.hasOwnProperty("raw"))throw Error("invalid template strings array");return void 0!==A?A.createHTML(e):e}class J{constructor({strings:t,_$litType$:e},i){let s;this.parts=[];let n=0,r=0;const o=t.length-1,a=this.parts,[l,c]=((t,e)=>{const i=t.length-1,s=[];let n,r=2===e?"<svg>":3===e?"<math>":"",o=O;for(let a=0;a<i;a++){const e=t[a];let i,l,c=-1,h=0;for(;h<e.length&&(o.lastIndex=h,l=o.exec(e),null!==l);)h=o.lastIndex,o===O?"!--"===l[1]?o=U:void 0!==l[1]?o=D:void 0!==l[2]?(L.test(l[2])&&(n=RegExp("</"+l[2],"g")),o=H):void 0!==l[3]&&(o=H):o===H?">"===l[0]?(o=n??O,c=-1):void 0===l[1]?c=-2:(c=o.lastIndex-l[2].length,i=l[1],o=void 0===l[3]?H:'"'===l[3]?j:R):o===j||o===R?o=H:o===U||o===D?o=O:(o=H,n=void 0);const d=o===H&&t[a+1].startsWith("/>")?" ":"";r+=o===O?e+T:c>=0?(s.push(i),e.slice(0,c)+E+e.slice(c)+S+d):e+S+(-2===c?a:d)}return[G(t,r+(t[i]||"<?>")+(2===e?"</svg>":3===e?"</math>":"")),s]})(t,e);if(this.el=J.createElement(l,i),K.currentNode=this.el.content,2===e||3===e){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}for(;null!==(s=K.nextNode())&&a.length<o;){if(1===s.nodeType){if(s.hasAttributes())for(const t of s.getAttributeNames())if(t.endsWith(E)){const e=c[r++],i=s.getAttribute(t).split(S),o=/([.?@])?(.*)/.exec(e);a.push({type:1,index:n,name:o[2],strings:i,ctor:"."===o[1]?et:"?"===o[1]?it:"@"===o[1]?st:tt}),s.removeAttribute(t)}else t.startsWith(S)&&(a.push({type:6,index:n}),s.removeAttribute(t));if(L.test(s.tagName)){const t=s.textContent.split(S),e=t.length-1;if(e>0){s.textContent=k?k.emptyScript:"";for(let i=0;i<e;i++)s.append(t[i],z()),K.nextNode(),a.push({type:2,index:++n});s.append(t[e],z())}}}else if(8===s.nodeType)if(s.data===C)a.push({type:2,index:n});else{let t=-1;for(;-1!==(t=s.data.indexOf(S,t+1));)a.push({type:7,index:n}),t+=S.length-1}n++}}static createElement(t,e){const i=M.createElement("template");return i.innerHTML=t,i}}function Y(t,e,i=t,s){if(e===F)return e;let n=void 0!==s?i._$Co?.[s]:i._$Cl;const r=N(e)?void 0:e._$litDirective$;return n?.constructor!==r&&(n?._$AO?.(!1),void 0===r?n=void 0:(n=new r(t),n._$AT(t,i,s)),void 0!==s?(i._$Co??=[])[s]=n:i._$Cl=n),void 0!==n&&(e=Y(t,n._$AS(t,e.values),n,s)),e}class X{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){const{el:{content:e},parts:i}=this._$AD,s=(t?.creationScope??M).importNode(e,!0);K.currentNode=s;let n=K.nextNode(),r=0,o=0,a=i[0];for(;void 0!==a;){if(r===a.index){let e;2===a.type?e=new Q(n,n.nextSibling,this,t):1===a.type?e=new a.ctor(n,a.name,a.strings,this,t):6===a.type&&(e=new nt(n,this,t)),this._$AV.push(e),a=i[++o]}r!==a?.index&&(n=K.nextNode(),r++)}return K.currentNode=M,s}p(t){let e=0;for(const i of this._$AV)void 0!==i&&(void 0!==i.strings?(i._$AI(t,i,e),e+=i.strings.length-2):i._$AI(t[e])),e++}}class Q{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,i,s){this.type=2,this._$AH=V,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=i,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode;const e=this._$AM;return void 0!==e&&11===t?.nodeType&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=Y(this,t,e),N(t)?t===V||null==t||""===t?(this._$AH!==V&&this._$AR(),this._$AH=V):t!==this._$AH&&t!==F&&this._(t):void 0!==t._$litType$?this.$(t):void 0!==t.nodeType?this.T(t):(t=>I(t)||"function"==typeof t?.[Symbol.iterator])(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==V&&N(this._$AH)?this._$AA.nextSibling.data=t:this.T(M.createTextNode(t)),this._$AH=t}$(t){const{values:e,_$litType$:i}=t,s="number"==typeof i?this._$AC(t):(void 0===i.el&&(i.el=J.createElement(G(i.h,i.h[0]),this.options)),i);if(this._$AH?._$AD===s)this._$AH.p(e);else{const t=new X(s,this),i=t.u(this.options);t.p(e),this.T(i),this._$AH=t}}_$AC(t){let e=Z.get(t.strings);return void 0===e&&Z.set(t.strings,e=new J(t)),e}k(t){I(this._$AH)||(this._$AH=[],this._$AR());const e=this._$AH;let i,s=0;for(const n of t)s===e.length?e.push(i=new Q(this.O(z()),this.O(z()),this,this.options)):i=e[s],i._$AI(n),s++;s<e.length&&(this._$AR(i&&i._$AB.nextSibling,s),e.length=s)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){const e=x(t).nextSibling;x(t).remove(),t=e}}setConnected(t){void 0===this._$AM&&(this._$Cv=t,this._$AP?.(t))}}class tt{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,i,s,n){this.type=1,this._$AH=V,this._$AN=void 0,this.element=t,this.name=e,this._$AM=s,this.options=n,i.length>2||""!==i[0]||""!==i[1]?(this._$AH=Array(i.length-1).fill(new String),this.strings=i):this._$AH=V}_$AI(t,e=this,i,s){const n=this.strings;let r=!1;if(void 0===n)t=Y(this,t,e,0),r=!N(t)||t!==this._$AH&&t!==F,r&&(this._$AH=t);else{const s=t;let o,a;for(t=n[0],o=0;o<n.length-1;o++)a=Y(this,s[i+o],e,o),a===F&&(a=this._$AH[o]),r||=!N(a)||a!==this._$AH[o],a===V?t=V:t!==V&&(t+=(a??"")+n[o+1]),this._$AH[o]=a}r&&!s&&this.j(t)}j(t){t===V?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}}class et extends tt{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===V?void 0:t}}class it extends tt{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==V)}}class st extends tt{constructor(t,e,i,s,n){super(t,e,i,s,n),this.type=5}_$AI(t,e=this){if((t=Y(this,t,e,0)??V)===F)return;const i=this._$AH,s=t===V&&i!==V||t.capture!==i.capture||t.once!==i.once||t.passive!==i.passive,n=t!==V&&(i===V||s);s&&this.element.removeEventListener(this.name,this,i),n&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){"function"==typeof this._$AH?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}}class nt{constructor(t,e,i){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=i}get _$AU(){return this._$AM._$AU}_$AI(t){Y(this,t)}}const rt=b.litHtmlPolyfillSupport;rt?.(J,Q),(b.litHtmlVersions??=[]).push("3.3.3");const ot=globalThis;let at=class extends w{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){const e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=((t,e,i)=>{const s=i?.renderBefore??e;let n=s._$litPart$;if(void 0===n){const t=i?.renderBefore??null;s._$litPart$=n=new Q(e.insertBefore(z(),t),t,void 0,i??{})}return n._$AI(t),n})(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return F}};at._$litElement$=!0,at.finalized=!0,ot.litElementHydrateSupport?.({LitElement:at});const lt=ot.litElementPolyfillSupport;lt?.({LitElement:at}),(ot.litElementVersions??=[]).push("4.2.2");const ct={resets_in:"Resets in {duration}",resetting:"Resetting now",resets_at:"Resets {time}",pace_ahead:"Ahead of pace",pace_behind:"Behind pace",pace_on:"On pace",no_reset:"No reset scheduled",unavailable:"Usage unavailable",reauthenticate:"The session may have expired: reauthenticate in Settings.",open_settings:"Open Settings",no_data:"No data yet",pick_account:"Pick a Claude account in the card editor.",account_not_found:"Claude account not found.",extra_usage:"Extra usage",extra_usage_of:"{used} of {limit}",history:"History",history_label:"History, last {range}: {values}",no_value:"no data",history_unavailable:"History unavailable",no_history:"No history in this range yet",loading:"Loading…",reset_marker:"Reset",range:"Range",editor_device_id:"Account",editor_title:"Title",editor_default_range:"Default history range",editor_show_graph:"Show history graph",editor_thresholds:"Color thresholds",editor_warning:"Warning from (%)",editor_critical:"Critical from (%)",editor_hold_action_helper:"By default, holding a gauge shows its exact reset time.",card_description:"Claude.ai usage limits with live reset countdowns and history."},ht={en:ct,de:{resets_in:"Zurücksetzung in {duration}",resetting:"Wird gerade zurückgesetzt",resets_at:"Zurücksetzung {time}",pace_ahead:"Schneller als gleichmäßig",pace_behind:"Langsamer als gleichmäßig",pace_on:"Gleichmäßiges Tempo",no_reset:"Keine Zurücksetzung geplant",unavailable:"Nutzung nicht verfügbar",reauthenticate:"Die Sitzung ist vielleicht abgelaufen: in den Einstellungen erneut anmelden.",open_settings:"Einstellungen öffnen",no_data:"Noch keine Daten",pick_account:"Wähle im Karteneditor ein Claude-Konto aus.",account_not_found:"Claude-Konto nicht gefunden.",extra_usage:"Zusätzliche Nutzung",extra_usage_of:"{used} von {limit}",history:"Verlauf",history_label:"Verlauf der letzten {range}: {values}",no_value:"keine Daten",history_unavailable:"Verlauf nicht verfügbar",no_history:"Noch kein Verlauf in diesem Zeitraum",loading:"Wird geladen…",reset_marker:"Zurückgesetzt",range:"Zeitraum",editor_device_id:"Konto",editor_title:"Titel",editor_default_range:"Standardzeitraum des Verlaufs",editor_show_graph:"Verlaufsdiagramm anzeigen",editor_thresholds:"Farbschwellen",editor_warning:"Warnung ab (%)",editor_critical:"Kritisch ab (%)",editor_hold_action_helper:"Standardmäßig zeigt langes Drücken auf eine Anzeige den genauen Zeitpunkt der Zurücksetzung.",card_description:"Claude.ai-Nutzungslimits mit Countdown bis zur Zurücksetzung und Verlauf."},fr:{resets_in:"Réinitialisation dans {duration}",resetting:"Réinitialisation en cours",resets_at:"Réinitialisation {time}",pace_ahead:"En avance sur le rythme régulier",pace_behind:"En retard sur le rythme régulier",pace_on:"Au rythme régulier",no_reset:"Aucune réinitialisation prévue",unavailable:"Utilisation indisponible",reauthenticate:"La session a peut-être expiré : réauthentifiez-vous dans les Paramètres.",open_settings:"Ouvrir les Paramètres",no_data:"Pas encore de données",pick_account:"Choisissez un compte Claude dans l'éditeur de carte.",account_not_found:"Compte Claude introuvable.",extra_usage:"Utilisation supplémentaire",extra_usage_of:"{used} sur {limit}",history:"Historique",history_label:"Historique sur {range} : {values}",no_value:"pas de données",history_unavailable:"Historique indisponible",no_history:"Pas encore d'historique sur cette période",loading:"Chargement…",reset_marker:"Réinitialisation",range:"Période",editor_device_id:"Compte",editor_title:"Titre",editor_default_range:"Période par défaut de l'historique",editor_show_graph:"Afficher le graphique d'historique",editor_thresholds:"Seuils de couleur",editor_warning:"Avertissement à partir de (%)",editor_critical:"Critique à partir de (%)",editor_hold_action_helper:"Par défaut, un appui long sur une jauge affiche l'heure exacte de la réinitialisation.",card_description:"Limites d'utilisation de Claude.ai avec compte à rebours et historique."}};function dt(t,e,i={}){const s=(t??"en").toLowerCase().split(/[-_]/)[0]??"en";return(ht[s]??ct)[e].replace(/\{(\w+)\}/g,(t,e)=>i[e]??t)}const ut="claude_usage",pt=["3h","6h","24h","7d"],gt={"3h":3,"6h":6,"24h":24,"7d":168},_t={warning:75,critical:90},mt=["tap_action","hold_action","double_tap_action"];function ft(t){return"object"==typeof t&&null!==t&&!Array.isArray(t)}function vt(t,e){if(null==t)return _t[e];if("number"!=typeof t||!Number.isFinite(t)||t<0||t>100)throw new Error(`thresholds.${e} must be a number from 0 to 100, got ${JSON.stringify(t)}`);return t}function yt(t){if(!ft(t))throw new Error("Invalid configuration: expected a mapping of options");const{device_id:e,title:i,default_range:s,hours_to_show:n,show_graph:r,thresholds:o}=t;if(void 0!==e&&("string"!=typeof e||""===e))throw new Error("device_id must be the id of a Claude Usage device (a non-empty string)");if(void 0!==i&&"string"!=typeof i)throw new Error("title must be a string");if(void 0!==s&&!pt.includes(s))throw new Error(`default_range must be one of ${pt.join(", ")}, got ${JSON.stringify(s)}`);let a=s??"24h";if(void 0!==n){const t=pt.find(t=>gt[t]===n);if(void 0===t)throw new Error(`hours_to_show must be one of 3, 6, 24, 168, got ${JSON.stringify(n)}`);if(void 0!==s&&s!==t)throw new Error("Set either default_range or hours_to_show, not both");a=t}if(void 0!==r&&"boolean"!=typeof r)throw new Error("show_graph must be true or false");if(void 0!==o&&!ft(o))throw new Error("thresholds must be a mapping with warning and critical percentages");const l={warning:vt(o?.warning,"warning"),critical:vt(o?.critical,"critical")};if(l.warning>=l.critical)throw new Error(`thresholds.warning (${l.warning}) must be lower than thresholds.critical (${l.critical})`);const c={};for(const h of mt){const e=t[h];if(void 0!==e){if(!ft(e)||"string"!=typeof e.action)throw new Error(`${h} must be a mapping with an action, e.g. action: more-info`);c[h]=e}}return{deviceId:e,title:i,range:a,showGraph:r??!0,thresholds:l,actions:c}}const $t={device_id:"editor_device_id",title:"editor_title",default_range:"editor_default_range",show_graph:"editor_show_graph",thresholds:"editor_thresholds",warning:"editor_warning",critical:"editor_critical"};function wt(t=function(){return document.documentElement.lang||navigator.language||"en"}()){const e=e=>dt(t,e),i={number:{min:0,max:100,step:1,mode:"box",unit_of_measurement:"%"}};return{schema:[{name:"device_id",required:!0,selector:{device:{filter:{integration:ut}}}},{name:"title",selector:{text:{}}},{type:"grid",name:"",flatten:!0,schema:[{name:"default_range",default:"24h",selector:{select:{mode:"dropdown",options:pt.map(t=>({value:t,label:t}))}}},{name:"show_graph",default:!0,selector:{boolean:{}}}]},{type:"expandable",name:"thresholds",title:e("editor_thresholds"),schema:[{type:"grid",name:"",flatten:!0,schema:[{name:"warning",default:_t.warning,selector:i},{name:"critical",default:_t.critical,selector:i}]}]},{type:"expandable",name:"interactions",flatten:!0,schema:[{name:"tap_action",selector:{ui_action:{default_action:"more-info"}}},{name:"hold_action",selector:{ui_action:{}}},{name:"double_tap_action",selector:{ui_action:{default_action:"none"}}}]}],computeLabel:t=>t.name in $t?e($t[t.name]):void 0,computeHelper:t=>"hold_action"===t.name?e("editor_hold_action_helper"):void 0,assertConfig:t=>{yt(t)}}}const bt={session:0,weekly:1,weekly_scoped:2,unknown:3},xt=new Set(Object.keys(bt)),kt=/* @__PURE__ */new Map;let At=0;function Et(t,e){const i=t.entities[e];if(i?.name)return i.name;const s=t.states[e]?.attributes.friendly_name;if("string"!=typeof s||""===s)return e;const n=i?.device_id?t.devices[i.device_id]:void 0,r=n?.name_by_user??n?.name;return r&&s.startsWith(`${r} `)?s.slice(r.length+1):s}const St=["status","last_update","extra_usage_used","extra_usage_limit","extra_usage_utilization"],Ct={windows:[],unidentified:[],sensors:{}};function Tt(t,e){const i=/* @__PURE__ */new Map,s=/* @__PURE__ */new Map,n=[],r={};e.forEach((e,o)=>{const a=t.states[e],l=t.entities[e]?.translation_key;if(St.includes(l))return void(r[l]??=e);const c=a&&function(t,e){return t?.endsWith("_usage")?"usage":t?.endsWith("_reset")?"reset":void 0===t&&"string"==typeof e.attributes.window_key?"timestamp"===e.attributes.device_class?"reset":"usage":void 0}(l,a);if(!c)return;const h=function(t,e){const i=e?.window_key,s=e?.window_kind;if("string"!=typeof i||""===i)return kt.get(t);const n=kt.get(t);if(n?.key===i&&n.kind===s)return n;const r={key:i,kind:"string"==typeof s&&xt.has(s)?s:"unknown"};return kt.set(t,r),At+=1,r}(e,a.attributes);void 0===h?n.push(e):"usage"===c?i.has(h.key)||i.set(h.key,{entityId:e,identity:h,order:o}):s.has(h.key)||s.set(h.key,e)});return{windows:[...i.values()].sort((t,e)=>bt[t.identity.kind]-bt[e.identity.kind]||t.order-e.order).map(({entityId:e,identity:i})=>({...i,name:Et(t,e),usageEntityId:e,resetEntityId:s.get(i.key)})),unidentified:n,sensors:r}}function Mt(){let t;return(e,i)=>{const s=t;if(void 0!==s&&s.entities===e.entities&&s.devices===e.devices&&s.deviceId===i&&s.learned===At&&s.entityIds.every((t,i)=>e.states[t]?.attributes===s.attributes[i]))return s.account;const n=function(t,e){const i=[];for(const s of Object.values(t.entities))s?.platform===ut&&s.device_id===e&&i.push(s.entity_id);return i}(e,i),r=Tt(e,n);return t={entities:e.entities,devices:e.devices,deviceId:i,learned:At,entityIds:n,attributes:n.map(t=>e.states[t]?.attributes),account:r},r}}const zt="unavailable",Nt="unknown";function It(t){if(void 0===t||""===t||t===zt||t===Nt)return null;const e=Number(t);return Number.isFinite(e)?e:null}function Pt(t){if(void 0===t||t===zt||t===Nt||""===t)return null;const e=Date.parse(t);return Number.isNaN(e)?null:new Date(e)}function Ot(t,e){const{resetsAt:i,updatedAt:s}=t;return t.available&&null!==i&&i.getTime()<=e&&(null===s||s<i)}class Ut{constructor(t){}get _$AU(){return this._$AM._$AU}_$AT(t,e,i){this._$Ct=t,this._$AM=e,this._$Ci=i}_$AS(t,e){return this.update(t,e)}update(t,e){return this.render(...e)}}function Dt(t){return void 0!==t&&"none"!==t.action}function Ht(t,e,i,s){t.dispatchEvent(new CustomEvent("hass-action",{detail:{config:{entity:e,...i},action:s},bubbles:!0,composed:!0}))}class Rt{constructor(t){this.element=t,this.options={},this.held=!1,this.cancelled=!1,this.start=()=>{this.cancelled=!1,this.held=!1,clearTimeout(this.holdTimer),this.options.hasHold&&(this.holdTimer=setTimeout(()=>{this.held=!0},500))},this.cancel=()=>{this.cancelled=!0,clearTimeout(this.holdTimer)},this.end=t=>{"touchend"===t.type&&this.cancelled||(t.cancelable&&t.preventDefault(),clearTimeout(this.holdTimer),this.options.hasHold&&this.held?(this.held=!1,this.fire("hold")):this.options.hasDoubleClick?void 0===this.doubleTapTimer?this.doubleTapTimer=setTimeout(()=>{this.doubleTapTimer=void 0,this.fire("tap")},250):(clearTimeout(this.doubleTapTimer),this.doubleTapTimer=void 0,this.fire("double_tap")):this.fire("tap"))},this.key=t=>{"Enter"!==t.key&&" "!==t.key||this.end(t)},t.addEventListener("touchstart",this.start,{passive:!0}),t.addEventListener("touchend",this.end),t.addEventListener("touchcancel",this.cancel),t.addEventListener("touchmove",this.cancel,{passive:!0}),t.addEventListener("mousedown",this.start,{passive:!0}),t.addEventListener("click",this.end),t.addEventListener("keydown",this.key),t.addEventListener("contextmenu",t=>t.preventDefault())}fire(t){this.element.dispatchEvent(new CustomEvent("action",{detail:{action:t}}))}}const jt=/* @__PURE__ */new WeakMap,Lt=(Wt=class extends Ut{update(t,[e]){let i=jt.get(t.element);return void 0===i&&(i=new Rt(t.element),jt.set(t.element,i)),i.options=e,F}render(t){return F}},(...t)=>({_$litDirective$:Wt,values:t}));var Wt;const qt=1e3,Bt=6e4,Ft=36e5,Vt=24*Ft;function Zt(t){const e=/* @__PURE__ */new Map;return(i,s)=>{const n=`${i??""}|${JSON.stringify(s)}`;let r=e.get(n);return void 0===r&&(r=t(i,s),e.set(n,r)),r}}const Kt=Zt((t,e)=>new Intl.NumberFormat(t,e)),Gt=Zt((t,e)=>new Intl.DateTimeFormat(t,e)),Jt=Zt((t,e)=>new Intl.ListFormat(t,e));function Yt(t){return"server"===t.locale.time_zone?t.config.time_zone:void 0}function Xt(t){switch(t.locale.time_format){case"12":return"h12";case"24":return"h23";case"system":return Gt(void 0,{hour:"numeric",minute:"2-digit"}).format(new Date(2023,0,1,22)).includes("10")?"h12":"h23";default:return}}function Qt(t,e){return Kt(e,{style:"percent",maximumFractionDigits:0}).format(t/100)}function te(t,e){if(!(t>0))return"";const i=Math.floor(t/qt);let s;s=t<Bt?[[i,"second"]]:t<Ft?[[Math.floor(t/Bt),"minute"]]:t<Vt?[[Math.floor(t/Ft),"hour"],[Math.floor(t%Ft/Bt),"minute"]]:[[Math.floor(t/Vt),"day"],[Math.floor(t%Vt/Ft),"hour"]];const n=s.filter(([t],e)=>0===e||t>0).map(([t,i])=>Kt(e,{style:"unit",unit:i,unitDisplay:"short"}).format(t));return Jt(e,{type:"unit",style:"narrow"}).format(n)}function ee(t,e){return Gt(e.locale.language,{dateStyle:"medium",timeStyle:"short",hourCycle:Xt(e),timeZone:Yt(e)}).format(t)}function ie(t,e,i="narrow"){const[s,n]=t%24==0&&t>24?[t/24,"day"]:[t,"hour"];return Kt(e,{style:"unit",unit:n,unitDisplay:i}).format(s)}function se(t,e,i){if(void 0!==e&&/^[A-Z]{3}$/.test(e))return Kt(i,{style:"currency",currency:e}).format(t);const s=Kt(i,{minimumFractionDigits:2,maximumFractionDigits:2}).format(t);return e?`${s} ${e}`:s}function ne(t,e){return Jt(e,{type:"unit",style:"short"}).format(t)}const re=r`
  :host {
    display: block;
  }
  ha-card {
    height: 100%;
    overflow: hidden;
  }
  .card-header {
    margin: 0;
    padding: 12px 16px 0;
    font-size: var(--ha-font-size-l, 1.2rem);
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--ha-card-header-color, var(--primary-text-color));
  }
  .card-content {
    padding: 12px 16px 16px;
  }
  /* --columns: gaugeColumns() in claude-usage-card.ts, from the width measured. */
  .gauges {
    display: grid;
    grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
    gap: 12px 8px;
  }
  .status {
    display: flex;
    flex-direction: column;
    gap: 6px;
    align-items: flex-start;
    padding: 8px 0;
    color: var(--secondary-text-color);
  }
  .status.warning {
    color: var(--primary-text-color);
    border-left: 4px solid var(--warning-color);
    padding-left: 12px;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  button.link {
    background: none;
    border: none;
    padding: 0;
    color: var(--primary-color);
    text-decoration: underline;
  }
`,oe=r`
  :host {
    display: block;
  }
  .gauge {
    display: flex;
    flex-direction: column;
    align-items: center;
    text-align: center;
    cursor: pointer;
    border-radius: 12px;
    padding: 4px 2px 6px;
    outline: none;
    -webkit-tap-highlight-color: transparent;
    user-select: none;
  }
  .gauge:focus-visible {
    box-shadow: 0 0 0 2px var(--primary-color);
  }
  @media (hover: hover) {
    .gauge:hover {
      background: var(--secondary-background-color);
    }
  }
  .gauge svg {
    width: 100%;
    max-width: 132px;
    display: block;
  }
  .gauge path {
    fill: none;
    stroke-width: 9;
    stroke-linecap: round;
  }
  .gauge .track {
    stroke: var(--divider-color);
  }
  .gauge .value {
    transition: stroke 0.3s;
  }
  /* Where an even pace through the window would be. */
  .gauge .pace {
    stroke: var(--primary-text-color);
    stroke-width: 2;
    stroke-linecap: butt;
  }
  .percent {
    fill: var(--primary-text-color);
    font-size: 19px;
    font-weight: 500;
    text-anchor: middle;
  }
  .name,
  .reset {
    /* Narrow gauges (three on a phone) wrap into even lines, not a lone last word. */
    text-wrap: balance;
  }
  .name {
    margin-top: -10px;
    overflow-wrap: anywhere;
    font-weight: 500;
    color: var(--primary-text-color);
    font-size: var(--ha-font-size-m, 14px);
    line-height: 1.3;
  }
  /* The window's colour in the history graph. */
  .name .swatch {
    display: inline-block;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    margin-right: 5px;
    vertical-align: 1px;
  }
  .reset {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
    line-height: 1.3;
    font-variant-numeric: tabular-nums;
  }
`,ae=r`
  :host {
    display: block;
    margin-top: 16px;
    border-top: 1px solid var(--divider-color);
    padding-top: 10px;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .history-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
  }
  .history-title {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
  .ranges {
    display: inline-flex;
    border: 1px solid var(--divider-color);
    border-radius: 17px;
  }
  .range {
    min-height: 32px;
    background: none;
    border: none;
    padding: 0 12px;
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
  }
  .range:first-child {
    border-radius: 16px 0 0 16px;
  }
  .range:last-child {
    border-radius: 0 16px 16px 0;
  }
  .range + .range {
    border-left: 1px solid var(--divider-color);
  }
  .range[aria-pressed="true"] {
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
  }
  /* A ring apart from the button, with a gap in the card's colour: seen on a pressed button too. */
  .range:focus-visible {
    position: relative;
    z-index: 1;
    outline-width: 2px;
    outline-style: solid;
    outline-color: var(--primary-color);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--card-background-color, var(--ha-card-background, #fff));
  }
  .graph {
    position: relative;
    margin-top: 8px;
    min-height: 132px;
    touch-action: pan-y;
  }
  .chart {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .graph-message {
    display: flex;
    align-items: center;
    justify-content: center;
    height: 132px;
    color: var(--secondary-text-color);
  }
  .grid {
    stroke: var(--divider-color);
    stroke-width: 1;
  }
  .threshold {
    stroke-width: 1;
    stroke-dasharray: 4 4;
  }
  .threshold.warning {
    stroke: var(--warning-color);
  }
  .threshold.critical {
    stroke: var(--error-color);
  }
  .axis {
    fill: var(--secondary-text-color);
    font-size: 10px;
  }
  .line {
    fill: none;
    stroke-width: 2;
    stroke-linejoin: round;
  }
  .reset-marker line {
    stroke-width: 1;
    stroke-dasharray: 2 3;
  }
  .cursor {
    stroke: var(--secondary-text-color);
    stroke-width: 1;
  }
  /* Beside the cursor (--x), on the side with more room; as wide as that side allows. */
  .tooltip {
    position: absolute;
    top: 0;
    left: calc(var(--x) + 4px);
    box-sizing: border-box;
    max-width: min(260px, 100%);
    overflow-wrap: anywhere;
    pointer-events: none;
    background: var(--card-background-color, var(--ha-card-background));
    color: var(--primary-text-color);
    border: 1px solid var(--divider-color);
    border-radius: 8px;
    padding: 6px 8px;
    font-size: var(--ha-font-size-s, 12px);
    box-shadow: var(--ha-card-box-shadow, 0 2px 6px rgba(0, 0, 0, 0.2));
    z-index: 1;
  }
  .tooltip[data-align="end"] {
    left: auto;
    right: calc(100% - var(--x) + 4px);
  }
  .tooltip-time {
    color: var(--secondary-text-color);
    margin-bottom: 2px;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    margin-top: 6px;
    font-size: var(--ha-font-size-s, 12px);
    color: var(--secondary-text-color);
  }
  .legend-item {
    display: inline-flex;
    align-items: center;
    overflow-wrap: anywhere;
  }
  .swatch {
    display: inline-block;
    flex-shrink: 0;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    margin-right: 4px;
    vertical-align: middle;
  }
`,le=r`
  :host {
    display: block;
    margin-top: 12px;
  }
  .extra {
    cursor: pointer;
    border-radius: 8px;
    padding: 4px 6px;
    outline: none;
    -webkit-tap-highlight-color: transparent;
  }
  .extra:focus-visible {
    box-shadow: 0 0 0 2px var(--primary-color);
  }
  @media (hover: hover) {
    .extra:hover {
      background: var(--secondary-background-color);
    }
  }
  .extra-text {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 8px;
    font-size: var(--ha-font-size-m, 14px);
    line-height: 1.4;
  }
  .extra-title {
    color: var(--primary-text-color);
    font-weight: 500;
  }
  .extra-value {
    color: var(--secondary-text-color);
    font-variant-numeric: tabular-nums;
  }
  .bar {
    margin-top: 4px;
    height: 4px;
    border-radius: 2px;
    background: var(--divider-color);
    overflow: hidden;
  }
  .bar > div {
    height: 100%;
    border-radius: 2px;
    background: var(--primary-color);
  }
`;class ce extends at{static{this.properties={hass:{attribute:!1},usage:{attribute:!1}}}static{this.styles=le}render(){const{hass:t,usage:e}=this;if(!t||!e)return V;const i=t.locale.language,s=se(e.used,e.unit,i),n=null===e.limit?s:dt(i,"extra_usage_of",{used:s,limit:se(e.limit,e.unit,i)}),r=e.utilization??(e.limit?e.used/e.limit*100:null),o=dt(i,"extra_usage");return q`
      <div
        class="extra"
        role="button"
        tabindex="0"
        aria-label=${[o,n,null===r?void 0:Qt(r,i)].filter(t=>void 0!==t).join(": ")}
        .actionHandler=${Lt({})}
        @action=${()=>Ht(this,e.entityId,{},"tap")}
      >
        <div class="extra-text">
          <span class="extra-title">${o}</span>
          <span class="extra-value">${n}</span>
        </div>
        ${null===r?V:q`<div class="bar" aria-hidden="true">
                <div style="width:${Math.min(100,Math.max(0,r))}%"></div>
              </div>`}
      </div>
    `}}const he=[[1,"#4269d0"],[5,"#a463f2"],[52,"#27d0df"],[6,"#ff8ab7"],[53,"#a04a9b"],[8,"#97bbf5"],[10,"#094bad"]],de={five_hour:0,seven_day:1,seven_day_opus:2,seven_day_sonnet:3,seven_day_cowork:4,seven_day_oauth_apps:5,seven_day_routines:6};function ue(t){const[e,i]=he[de[t]??function(t){let e=0;for(const i of t)e=31*e+i.charCodeAt(0)>>>0;return e}(t)%he.length];return`var(--color-${e}, ${i})`}const pe={ok:0,warning:1,critical:2};const ge={ok:"var(--success-color, #43a047)",warning:"var(--warning-color, #ffa600)",critical:"var(--error-color, #db4437)"},_e={session:18e6,weekly:6048e5,weekly_scoped:6048e5};const me={ahead:"pace_ahead",behind:"pace_behind",on:"pace_on"},fe=50,ve=48,ye=38,$e=150,we=240;function be(t,e=ye){const i=t*Math.PI/180,s=fe+e*Math.cos(i),n=ve+e*Math.sin(i);return`${Math.round(100*s)/100} ${Math.round(100*n)/100}`}function xe(t){return $e+we*Math.min(1,Math.max(0,t))}function ke(t){const e=xe(t)-$e,i=e>180?1:0;return`M${be($e)}A${ye} ${ye} 0 ${i} 1 ${be($e+e)}`}class Ae extends at{static{this.properties={hass:{attribute:!1},window:{attribute:!1},reading:{attribute:!1},thresholds:{attribute:!1},actions:{attribute:!1},_now:{state:!0},_detail:{state:!0}}}static{this.styles=oe}constructor(){super(),this.actions={},this._now=Date.now(),this._detail=!1}connectedCallback(){super.connectedCallback(),this._now=Date.now(),this._scheduleTick()}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this._tickTimer),clearTimeout(this._detailTimer),this._tickTimer=void 0,this._detail=!1}updated(t){t.has("reading")&&this._scheduleTick()}_scheduleTick(){if(clearTimeout(this._tickTimer),!this.isConnected)return;const t=this.reading?.resetsAt,e=t?Math.min(6e4,(i=t.getTime()-Date.now())<=0?Number.POSITIVE_INFINITY:i%(i<Bt?qt:Bt)+1):6e4;var i;this._tickTimer=setTimeout(()=>{this._now=Date.now(),this._scheduleTick()},Math.max(250,e))}_t(t,e){return dt(this.hass?.locale.language,t,e)}_onAction(t){const e=t.detail.action;if("hold"===e&&void 0===this.actions.hold_action)return this._detail=!0,clearTimeout(this._detailTimer),void(this._detailTimer=setTimeout(()=>{this._detail=!1},3e3));Ht(this,this.window.usageEntityId,this.actions,e)}render(){const{hass:t,window:e,reading:i,thresholds:s}=this;if(!(t&&e&&i&&s))return V;const{resetsAt:n}=i,r=t.locale.language,o=Ot(i,this._now),a=o?null:i.utilization,l=function(t,e,i){let s="ok";null!==t&&t>=e.critical?s="critical":null!==t&&t>=e.warning&&(s="warning");const n="critical"===i||"warning"===i?i:"ok";return pe[n]>pe[s]?n:s}(a,s,i.severity),c=null===a?"var(--disabled-text-color, #9e9e9e)":ge[l],h=n?this._t("resets_at",{time:ee(n,t)}):void 0;let d;if(i.available)if(n){const t=n.getTime()-this._now;d=t>0?this._t("resets_in",{duration:te(t,r)}):this._t("resetting")}else d=this._t("no_reset");else d=this._t("unavailable");const u=null===a?null:function(t,e,i){const s=_e[t];if(void 0===s||null===e)return null;const n=e.getTime()-i;return n<=0?null:Math.min(1,Math.max(0,1-n/s))}(e.kind,n,this._now),p=null===u?void 0:this._t(me[function(t,e){const i=Math.round(t),s=Math.round(100*e);return i>s?"ahead":i<s?"behind":"on"}(a,u)]),g=[h,p].filter(t=>void 0!==t).join(" · "),_=i.available&&g&&this._detail?g:d,m=null===a?"—":Qt(a,r),f=[o?e.name:`${e.name}: ${m}`,d,h,p].filter(t=>void 0!==t).join(". "),{tap_action:v,hold_action:y,double_tap_action:$}=this.actions;return q`
      <div
        class="gauge level-${null===a?"none":l}"
        role="button"
        tabindex=${w=void 0===v||Dt(v)?"0":void 0,w??V}
        aria-label=${f}
        title=${g||_}
        .actionHandler=${Lt({hasHold:void 0===y||Dt(y),hasDoubleClick:Dt($)})}
        @action=${this._onAction}
      >
        <svg viewBox="0 0 100 84" aria-hidden="true">
          <path class="track" d=${ke(1)}></path>
          ${null!==a&&a>0?B`<path class="value" style="stroke:${c}" d=${ke(a/100)}></path>`:V}
          ${null===u?V:B`<path class="pace" d=${function(t){const e=xe(t);return`M${be(e,ye-7)}L${be(e,ye+7)}`}(u)}></path>`}
          <text class="percent" x="50" y="54">${m}</text>
        </svg>
        <div class="name">
          <span class="swatch" style="background:${ue(e.key)}"></span>${e.name}
        </div>
        <div class="reset">${_}</div>
      </div>
    `;var w}}function Ee(t,e,i,s){return null!==e&&null!==s&&s-e>=36e5||(t-i>=10||null!==e&&null===s&&i<t)}function Se(t,e){let i=0;for(;i<t.length&&t[i].t<e;)i+=1;if(0===i)return t;const s=t[i-1],n=t.slice(i);return n.length>0&&n[0].t===e?n:[{...s,t:e},...n]}function Ce(t,e,i){const s={...t};for(const[n,r]of Object.entries(e.states)){if(!r||0===r.length)continue;const t=r.filter(t=>"string"==typeof t.s&&Number.isFinite(t.lu)).map(t=>({t:Math.round(1e3*t.lu),s:t.s})).sort((t,e)=>t.t-e.t);if(0===t.length)continue;const e=t[0].t,i=(s[n]??[]).filter(t=>t.t<e);s[n]=[...i,...t]}for(const n of Object.keys(s))s[n]=Se(s[n],i);return s}function Te(t){return"number"==typeof t?t:Date.parse(t)}function Me(t,e){let i=null;for(const s of t){if(s.t>e)break;i=s.v}return i}const ze=t=>t.t+5e3,Ne=t=>t.end;function Ie(t){const e=Date.parse(t.s);return Number.isNaN(e)?null:e}function Pe(t,e,i){const s=e.filter(t=>"unavailable"!==t.s),n=[];let r,o=0,a=null;for(const l of t){for(;o<s.length&&s[o].t<=i(l);)a=Ie(s[o]),o+=1;null!==l.v&&(void 0!==r&&Ee(r.utilization,r.resetsAt,l.v,a)&&n.push(l.t),r={utilization:l.v,resetsAt:a})}return n.filter((t,e)=>0===e||t-n[e-1]>6e5)}function Oe(t,e,i,s){if(s<1||i<=e||t.length<=4*s)return t;const n=(i-e)/s,r=t=>Math.min(s-1,Math.max(0,Math.floor((t-e)/n))),o=[];let a=0;for(;a<t.length;){const e=r(t[a].t),i=a;let s=-1,n=-1,l=-1;for(;a<t.length&&r(t[a].t)===e;){const e=t[a].v;null===e?l=l<0?a:l:((s<0||e<t[s].v)&&(s=a),(n<0||e>t[n].v)&&(n=a)),a+=1}const c=new Set([i,s,n,l,a-1].filter(t=>t>=0));for(const r of[...c].sort((t,e)=>t-e))o.push(t[r])}return o}function Ue(t){return Math.round(10*t)/10}function De(t,e,i){const s=Math.max(1,i-e);return{x:i=>Ue(t.left+(i-e)/s*(t.right-t.left)),y:e=>Ue(t.bottom-Math.min(100,Math.max(0,e))/100*(t.bottom-t.top)),t:i=>e+(Math.min(t.right,Math.max(t.left,i))-t.left)/Math.max(1,t.right-t.left)*s}}function He(t,e,i,s){const{x:n,y:r}=De(s,e,i),o=[];let a=!1;for(const l of t){if(l.t>i)break;const t=n(Math.max(e,l.t));if(null===l.v){a&&o.push(`H${t}`),a=!1;continue}const s=r(l.v);o.push(a?`H${t}V${s}`:`M${t} ${s}`),a=!0}return a&&o.push(`H${n(i)}`),o.join("")}class Re{constructor(t,e){this.host=t,this.selector=e,t.addController(this)}hostUpdated(){const t=this.host.renderRoot.querySelector(this.selector)??void 0;t!==this.observed&&"undefined"!=typeof ResizeObserver&&(this.observer??=new ResizeObserver(t=>{const e=Math.floor(t[0]?.contentRect.width??0);e>0&&e!==this.width&&(this.width=e,this.host.requestUpdate())}),this.observer.disconnect(),this.observed=t,t&&this.observer.observe(t))}hostDisconnected(){this.observer?.disconnect(),this.observed=void 0}}const je=36e5;class Le extends at{constructor(){super(),this._graphWidth=new Re(this,".graph"),this._generation=0,this._statisticsAt=0,this.readings=[],this.range="24h",this._now=Date.now(),this._history={},this._statistics={},this._status="idle"}static{this.properties={hass:{attribute:!1},readings:{attribute:!1},range:{attribute:!1},thresholds:{attribute:!1},_now:{state:!0},_history:{state:!0},_statistics:{state:!0},_status:{state:!0},_hover:{state:!0}}}static{this.styles=ae}connectedCallback(){super.connectedCallback(),clearTimeout(this._stopTimer),this._now=Date.now(),this._scheduleTick(),this.requestUpdate()}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this._tickTimer),this._tickTimer=void 0,this._stopTimer=setTimeout(()=>this._stop(),0)}willUpdate(){this._sync()}_t(t,e){return dt(this.hass?.locale.language,t,e)}_scheduleTick(){clearTimeout(this._tickTimer),this._tickTimer=setTimeout(()=>{this._now=Date.now(),this.hass&&"7d"===this.range&&void 0!==this._key&&this._now-this._statisticsAt>=3e5&&this._fetchWeek(this.hass,this._generation),this._scheduleTick()},6e4)}_usageIds(){return this.readings.map(t=>t.window.usageEntityId)}_resetIds(){return this.readings.flatMap(t=>t.window.resetEntityId?[t.window.resetEntityId]:[])}_stop(){this._generation+=1,this._key=void 0;const t=this._subscription;this._subscription=void 0,t?.then(t=>t()).catch(()=>{})}_sync(){const t=this.hass;if(!this.isConnected||!t||0===this.readings.length)return void(void 0!==this._key&&this._stop());const e=this._usageIds(),i=this._resetIds(),s=this.range,n=`${s}|${e.join(",")}|${i.join(",")}`;if(n===this._key)return;this._stop(),this._key=n;const r=this._generation;if(this._history={},this._statistics={},this._status="loading","7d"===s)return void this._fetchWeek(t,r);const o=gt[s];this._subscription=t.connection.subscribeMessage(t=>{r===this._generation&&(this._history=Ce(this._history,t,Date.now()-o*je),this._status="ready")},{type:"history/stream",entity_ids:[...e,...i],start_time:new Date(Date.now()-o*je).toISOString(),minimal_response:!0,no_attributes:!0,significant_changes_only:!0}),this._subscription.catch(()=>{r===this._generation&&(this._status="error")})}_fetchWeek(t,e){const i=Date.now();this._statisticsAt=i;const s=i-gt["7d"]*je,n=new Date(s-s%je).toISOString(),r=i-864e5,o=new Date(r-r%je).toISOString(),a=(e,i,s)=>t.callWS({type:"recorder/statistics_during_period",start_time:i,...void 0===s?{}:{end_time:s},statistic_ids:this._usageIds(),period:e,types:["mean"]});Promise.all([a("hour",n,o),a("5minute",o)]).then(t=>{e===this._generation&&(this._statistics=function(...t){const e={};for(const i of t)for(const[t,s]of Object.entries(i)){const i=(s??[]).map(t=>{const e=Te(t.start);return{t:e,end:void 0===t.end?e:Te(t.end),v:"number"==typeof t.mean&&Number.isFinite(t.mean)?t.mean:null}}).filter(t=>Number.isFinite(t.t));e[t]=[...e[t]??[],...i].sort((t,e)=>t.t-e.t)}return e}(...t),this._status="ready")},()=>{e===this._generation&&"loading"===this._status&&(this._status="error")}),t.callWS({type:"history/history_during_period",start_time:n,entity_ids:this._resetIds(),minimal_response:!0,no_attributes:!0,significant_changes_only:!0}).then(t=>{e===this._generation&&(this._history=Ce({},{states:t},Date.parse(n)))},()=>{})}_setRange(t){this.range=t,this._hover=void 0}_onPointer(t,e,i,s){const n=t.currentTarget.getBoundingClientRect(),r=n.width>0?e.layout.width/n.width:1,o=(t.clientX-n.left)*r,{layout:a}=e,l=Math.min(a.right,Math.max(a.left,o));this._hover={x:l,t:De(a,i,s).t(l)}}_series(t,e){return this.readings.map(i=>{const{window:s}=i,n=s.resetEntityId&&this._history[s.resetEntityId]||[];let r,o;if("7d"===this.range){const t=[...this._statistics[s.usageEntityId]??[]];null!==i.utilization&&t.push({t:e,end:e,v:i.utilization}),o=Pe(t,n,Ne),r=t}else r=Se(this._history[s.usageEntityId]??[],t).map(({t:t,s:e})=>{const i=""===e.trim()?Number.NaN:Number(e);return{t:t,v:Number.isFinite(i)?i:null}}),o=Pe(r,n,ze);return Ot(i,e)&&(r=function(t,e){return[...t.filter(t=>t.t<e),{t:e,v:null}]}(r,i.resetsAt.getTime())),{key:s.key,name:s.name,color:ue(s.key),points:r,resets:o}})}render(){const t=this.hass;if(!t||!this.thresholds)return V;const e=t.locale.language,i=this._now,s=i-gt[this.range]*je,n=this._series(s,i),r=n.some(t=>t.points.some(t=>null!==t.v));return q`
      <div class="history-header">
        <span class="history-title">${this._t("history")}</span>
        <div class="ranges" role="group" aria-label=${this._t("range")}>
          ${pt.map(t=>q`<button
                class="range"
                aria-pressed=${t===this.range?"true":"false"}
                data-range=${t}
                @click=${()=>this._setRange(t)}
              >
                ${ie(gt[t],e)}
              </button>`)}
        </div>
      </div>
      <div class="graph">
        ${"error"===this._status?q`<div class="graph-message">${this._t("history_unavailable")}</div>`:"loading"===this._status?q`<div class="graph-message">${this._t("loading")}</div>`:r?this._renderGraph(n,s,i):q`<div class="graph-message">${this._t("no_history")}</div>`}
      </div>
      <div class="legend">
        ${n.map(t=>q`<span class="legend-item"
              ><span class="swatch" style="background:${t.color}"></span>${t.name}</span
            >`)}
      </div>
    `}_graphLabel(t,e){const i=this.hass.locale.language,s=t.map(t=>{const s=Me(t.points,e);return`${t.name} ${null===s?this._t("no_value"):Qt(s,i)}`});return this._t("history_label",{range:ie(gt[this.range],i,"long"),values:ne(s,i)})}_renderGraph(t,e,i){const s=this.hass,n=s.locale.language,r=this._graphWidth.width??300,o=function(t,e,i,s,n){const r=function(t){return{width:t,height:132,left:34,right:t-6,top:8,bottom:112}}(s),{x:o,y:a}=De(r,e,i),l=Math.max(1,Math.floor(r.right-r.left)),c=s<400?3:5;return{layout:r,lines:t.map(t=>({key:t.key,color:t.color,d:He(Oe(t.points,e,i,l),e,i,r)})),markers:t.flatMap(t=>t.resets.filter(t=>t>e&&t<=i).map(e=>({key:t.key,color:t.color,x:o(e),t:e}))),thresholds:[{level:"warning",y:a(n.warning)},{level:"critical",y:a(n.critical)}],xTicks:Array.from({length:c},(t,s)=>{const n=e+(i-e)*s/(c-1);return{x:o(n),t:n}}),yTicks:[0,50,100].map(t=>({y:a(t),value:t}))}}(t,e,i,r,this.thresholds),{layout:a}=o,l="7d"===this.range,c=this._hover,h=c?o.markers.find(t=>Math.abs(t.x-c.x)<=4):void 0,d=t=>this._onPointer(t,o,e,i);return q`
      <svg
        class="chart"
        viewBox="0 0 ${a.width} ${a.height}"
        width=${a.width}
        height=${a.height}
        role="img"
        aria-label=${this._graphLabel(t,i)}
        @pointermove=${d}
        @pointerdown=${d}
        @pointerleave=${()=>{this._hover=void 0}}
      >
        ${o.yTicks.map(t=>B`<line class="grid" x1=${a.left} x2=${a.right} y1=${t.y} y2=${t.y}></line>
            <text class="axis" x=${a.left-4} y=${t.y+3} text-anchor="end">${Qt(t.value,n)}</text>`)}
        ${o.thresholds.map(t=>B`<line class="threshold ${t.level}" x1=${a.left} x2=${a.right} y1=${t.y} y2=${t.y}></line>`)}
        ${o.xTicks.map((t,e)=>B`<text
              class="axis"
              x=${t.x}
              y=${a.height-4}
              text-anchor=${0===e?"start":e===o.xTicks.length-1?"end":"middle"}
            >${function(t,e,i){return Gt(e.locale.language,{weekday:i?"short":void 0,hour:"numeric",minute:"2-digit",hourCycle:Xt(e),timeZone:Yt(e)}).format(t)}(new Date(t.t),s,l)}</text>`)}
        ${o.lines.map(t=>B`<path class="line" data-key=${t.key} style="stroke:${t.color}" d=${t.d}></path>`)}
        ${o.markers.map(t=>B`<g class="reset-marker" data-key=${t.key}>
              <line x1=${t.x} x2=${t.x} y1=${a.top} y2=${a.bottom} style="stroke:${t.color}"></line>
              <circle cx=${t.x} cy=${a.bottom} r="3" style="fill:${t.color}"></circle>
              <title>${this._t("reset_marker")} · ${ee(new Date(t.t),s)}</title>
            </g>`)}
        ${c?B`<line class="cursor" x1=${c.x} x2=${c.x} y1=${a.top} y2=${a.bottom}></line>`:V}
      </svg>
      ${c?q`<div
              class="tooltip"
              style="--x:${Math.round(c.x/a.width*100)}%"
              data-align=${c.x>a.width/2?"end":"start"}
            >
              <div class="tooltip-time">${ee(new Date(c.t),s)}</div>
              ${t.map(t=>{const e=Me(t.points,c.t);return q`<div class="tooltip-row">
                  <span class="swatch" style="background:${t.color}"></span>${t.name}:
                  <strong>${null===e?"—":Qt(e,n)}</strong>
                </div>`})}
              ${h?q`<div class="tooltip-row">${this._t("reset_marker")}</div>`:V}
            </div>`:V}
    `}}const We="claude-usage-card",qe=`/config/integrations/integration/${ut}`,Be=104;function Fe(t,e){const i=Math.max(1,Math.floor((e+8)/112)),s=Math.ceil(Math.max(1,t)/i);return Math.ceil(Math.max(1,t)/s)}class Ve extends at{constructor(){super(...arguments),this._account=Ct,this._discover=Mt(),this._gaugesWidth=new Re(this,".gauges")}static{this.properties={hass:{attribute:!1},_config:{state:!0}}}static{this.styles=re}static getConfigForm(){return wt()}static getStubConfig(t){const e=function(t){const e=/* @__PURE__ */new Set;for(const s of Object.values(t.entities))s?.platform===ut&&s.device_id&&e.add(s.device_id);const i=e=>t.devices[e]?.name_by_user??t.devices[e]?.name??e;return[...e].sort((t,e)=>i(t).localeCompare(i(e))||t.localeCompare(e))[0]}(t);return e?{device_id:e}:{}}setConfig(t){this._config=yt(t)}getCardSize(){const t=Math.max(1,this._account.windows.length);return 1+2*Math.ceil(t/2)+(!1===this._config?.showGraph?0:4)}getGridOptions(){return{columns:12,rows:"auto",min_columns:6}}shouldUpdate(t){if(1!==t.size||!t.has("hass"))return!0;const e=t.get("hass"),i=this.hass;return void 0===e||void 0===i||(e.entities!==i.entities||e.devices!==i.devices||e.locale!==i.locale||e.config!==i.config||(s=this._account,[...s.windows.flatMap(t=>t.resetEntityId?[t.usageEntityId,t.resetEntityId]:[t.usageEntityId]),...s.unidentified,...Object.values(s.sensors)]).some(t=>e.states[t]!==i.states[t]));var s}willUpdate(){this._account=this.hass&&this._config?.deviceId?this._discover(this.hass,this._config.deviceId):Ct}_t(t){return dt(this.hass?.locale.language,t)}_openSettings(){window.history.pushState(null,"",qe),window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:!1},composed:!0}))}render(){const t=this.hass,e=this._config;if(!t||!e)return V;const i=this._account.windows.map(e=>function(t,e){const i=t.states[e.usageEntityId],s=e.resetEntityId?t.states[e.resetEntityId]:void 0,n=i?.attributes.severity;return{window:e,available:void 0!==i&&i.state!==zt,utilization:It(i?.state),severity:"string"==typeof n&&""!==n?n:null,resetsAt:Pt(s?.state),updatedAt:Pt(i?.last_updated)}}(t,e)),s=function(t,e,i,s){return void 0===e?"no_device":void 0===t.devices[e]?"device_not_found":s.every(t=>!t.available)&&i.unidentified.length>0?"unavailable":0===s.length?"no_data":s.every(t=>!t.available)?"unavailable":s.every(t=>null===t.utilization)?"no_data":"ok"}(t,e.deviceId,this._account,i),n=e.deviceId?t.devices[e.deviceId]:void 0,r=e.title??n?.name_by_user??n?.name??"Claude Usage",o=e.actions;return q`
      <ha-card>
        ${r?q`<h1 class="card-header">${r}</h1>`:V}
        <div class="card-content">
          ${"ok"===s?q`<div
                    class="gauges"
                    style="--columns:${Fe(i.length,this._gaugesWidth.width??Number.POSITIVE_INFINITY)}"
                  >
                    ${i.map(i=>q`<claude-usage-gauge
                          data-key=${i.window.key}
                          .hass=${t}
                          .window=${i.window}
                          .reading=${i}
                          .thresholds=${e.thresholds}
                          .actions=${o}
                        ></claude-usage-gauge>`)}
                  </div>
                  ${this._renderExtra(t)}
                  ${e.showGraph?q`<claude-usage-history
                          .hass=${t}
                          .readings=${i}
                          .range=${e.range}
                          .thresholds=${e.thresholds}
                        ></claude-usage-history>`:V}`:this._renderStatus(s)}
        </div>
      </ha-card>
    `}_renderExtra(t){const e=function(t,e){const{extra_usage_used:i,extra_usage_limit:s,extra_usage_utilization:n}=e.sensors,r=i?t.states[i]:void 0,o=It(r?.state);if(!i||!r||null===o)return;const a=e=>It(e?t.states[e]?.state:void 0),l=r.attributes.unit_of_measurement;return{entityId:i,used:o,limit:a(s),utilization:a(n),unit:"string"==typeof l&&""!==l?l:void 0}}(t,this._account);return e?q`<claude-usage-extra .hass=${t} .usage=${e}></claude-usage-extra>`:V}_renderStatus(t){switch(t){case"no_device":return q`<div class="status">${this._t("pick_account")}</div>`;case"device_not_found":return q`<div class="status warning">${this._t("account_not_found")}</div>`;case"unavailable":return q`<div class="status warning" role="alert">
          <strong>${this._t("unavailable")}</strong>
          <span>${this._t("reauthenticate")}</span>
          ${this.hass?.user?.is_admin?q`<button class="link" @click=${this._openSettings}>
                  ${this._t("open_settings")}
                </button>`:V}
        </div>`;default:return q`<div class="status">${this._t("no_data")}</div>`}}}function Ze(t,e=document){null===e.querySelector("home-assistant")||window.customElements.get("home-assistant")?t():window.customElements.whenDefined("home-assistant").then(t)}Ze(()=>{customElements.get(We)||(customElements.define("claude-usage-gauge",Ae),customElements.define("claude-usage-history",Le),customElements.define("claude-usage-extra",ce),customElements.define(We,Ve),window.customCards=window.customCards??[],window.customCards.push({type:We,name:"Claude Usage",description:dt(document.documentElement.lang||navigator.language,"card_description"),preview:!0,documentationURL:"https://github.com/claude-usage-ha/claude-usage-ha"}))});export{We as CARD_TYPE,Ve as ClaudeUsageCard,Be as MIN_GAUGE_WIDTH,Ze as defineWhenAppReady,Fe as gaugeColumns};
