const t=globalThis,e=t.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,i=/* @__PURE__ */Symbol(),s=/* @__PURE__ */new WeakMap;let r=class{constructor(t,e,s){if(this._$cssResult$=!0,s!==i)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o;const i=this.t;if(e&&void 0===t){const e=void 0!==i&&1===i.length;e&&(t=s.get(i)),void 0===t&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),e&&s.set(i,t))}return t}toString(){return this.cssText}};const n=(t,...e)=>{const s=1===t.length?t[0]:e.reduce((e,i,s)=>e+(t=>{if(!0===t._$cssResult$)return t.cssText;if("number"==typeof t)return t;throw Error("Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+t[s+1],t[0]);return new r(s,t,i)},a=e?t=>t:t=>t instanceof CSSStyleSheet?(t=>{let e="";for(const i of t.cssRules)e+=i.cssText;return(t=>new r("string"==typeof t?t:t+"",void 0,i))(e)})(t):t,{is:o,defineProperty:l,getOwnPropertyDescriptor:d,getOwnPropertyNames:c,getOwnPropertySymbols:h,getPrototypeOf:u}=Object,p=globalThis,_=p.trustedTypes,m=_?_.emptyScript:"",g=p.reactiveElementPolyfillSupport,f=(t,e)=>t,v={toAttribute(t,e){switch(e){case Boolean:t=t?m:null;break;case Object:case Array:t=null==t?t:JSON.stringify(t)}return t},fromAttribute(t,e){let i=t;switch(e){case Boolean:i=null!==t;break;case Number:i=null===t?null:Number(t);break;case Object:case Array:try{i=JSON.parse(t)}catch(s){i=null}}return i}},y=(t,e)=>!o(t,e),b={attribute:!0,type:String,converter:v,reflect:!1,useDefault:!1,hasChanged:y};Symbol.metadata??=/* @__PURE__ */Symbol("metadata"),p.litPropertyMetadata??=/* @__PURE__ */new WeakMap;let w=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=b){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){const i=/* @__PURE__ */Symbol(),s=this.getPropertyDescriptor(t,i,e);void 0!==s&&l(this.prototype,t,s)}}static getPropertyDescriptor(t,e,i){const{get:s,set:r}=d(this.prototype,t)??{get(){return this[e]},set(t){this[e]=t}};return{get:s,set(e){const n=s?.call(this);r?.call(this,e),this.requestUpdate(t,n,i)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??b}static _$Ei(){if(this.hasOwnProperty(f("elementProperties")))return;const t=u(this);t.finalize(),void 0!==t.l&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(f("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(f("properties"))){const t=this.properties,e=[...c(t),...h(t)];for(const i of e)this.createProperty(i,t[i])}const t=this[Symbol.metadata];if(null!==t){const e=litPropertyMetadata.get(t);if(void 0!==e)for(const[t,i]of e)this.elementProperties.set(t,i)}this._$Eh=/* @__PURE__ */new Map;for(const[e,i]of this.elementProperties){const t=this._$Eu(e,i);void 0!==t&&this._$Eh.set(t,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){const e=[];if(Array.isArray(t)){const i=new Set(t.flat(1/0).reverse());for(const t of i)e.unshift(a(t))}else void 0!==t&&e.push(a(t));return e}static _$Eu(t,e){const i=e.attribute;return!1===i?void 0:"string"==typeof i?i:"string"==typeof t?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=/* @__PURE__ */new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=/* @__PURE__ */new Set).add(t),void 0!==this.renderRoot&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){const t=/* @__PURE__ */new Map,e=this.constructor.elementProperties;for(const i of e.keys())this.hasOwnProperty(i)&&(t.set(i,this[i]),delete this[i]);t.size>0&&(this._$Ep=t)}createRenderRoot(){const i=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return((i,s)=>{if(e)i.adoptedStyleSheets=s.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(const e of s){const s=document.createElement("style"),r=t.litNonce;void 0!==r&&s.setAttribute("nonce",r),s.textContent=e.cssText,i.appendChild(s)}})(i,this.constructor.elementStyles),i}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,i){this._$AK(t,i)}_$ET(t,e){const i=this.constructor.elementProperties.get(t),s=this.constructor._$Eu(t,i);if(void 0!==s&&!0===i.reflect){const r=(void 0!==i.converter?.toAttribute?i.converter:v).toAttribute(e,i.type);this._$Em=t,null==r?this.removeAttribute(s):this.setAttribute(s,r),this._$Em=null}}_$AK(t,e){const i=this.constructor,s=i._$Eh.get(t);if(void 0!==s&&this._$Em!==s){const t=i.getPropertyOptions(s),r="function"==typeof t.converter?{fromAttribute:t.converter}:void 0!==t.converter?.fromAttribute?t.converter:v;this._$Em=s;const n=r.fromAttribute(e,t.type);this[s]=n??this._$Ej?.get(s)??n,this._$Em=null}}requestUpdate(t,e,i,s=!1,r){if(void 0!==t){const n=this.constructor;if(!1===s&&(r=this[t]),i??=n.getPropertyOptions(t),!((i.hasChanged??y)(r,e)||i.useDefault&&i.reflect&&r===this._$Ej?.get(t)&&!this.hasAttribute(n._$Eu(t,i))))return;this.C(t,e,i)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(t,e,{useDefault:i,reflect:s,wrapped:r},n){i&&!(this._$Ej??=/* @__PURE__ */new Map).has(t)&&(this._$Ej.set(t,n??e??this[t]),!0!==r||void 0!==n)||(this._$AL.has(t)||(this.hasUpdated||i||(e=void 0),this._$AL.set(t,e)),!0===s&&this._$Em!==t&&(this._$Eq??=/* @__PURE__ */new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}const t=this.scheduleUpdate();return null!=t&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[t,e]of this._$Ep)this[t]=e;this._$Ep=void 0}const t=this.constructor.elementProperties;if(t.size>0)for(const[e,i]of t){const{wrapped:t}=i,s=this[e];!0!==t||this._$AL.has(e)||void 0===s||this.C(e,void 0,i,s)}}let t=!1;const e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(t=>t.hostUpdate?.()),this.update(e)):this._$EM()}catch(i){throw t=!1,this._$EM(),i}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=/* @__PURE__ */new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(t){}firstUpdated(t){}};w.elementStyles=[],w.shadowRootOptions={mode:"open"},w[f("elementProperties")]=/* @__PURE__ */new Map,w[f("finalized")]=/* @__PURE__ */new Map,g?.({ReactiveElement:w}),(p.reactiveElementVersions??=[]).push("2.1.2");const $=globalThis,x=t=>t,k=$.trustedTypes,A=k?k.createPolicy("lit-html",{createHTML:t=>t}):void 0,E="$lit$",C=`lit$${Math.random().toFixed(9).slice(2)}$`,S="?"+C,T=`<${S}>`,M=document,z=()=>M.createComment(""),N=t=>null===t||"object"!=typeof t&&"function"!=typeof t,I=Array.isArray,O="[ \t\n\f\r]",U=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,P=/-->/g,D=/>/g,R=RegExp(`>|${O}(?:([^\\s"'>=/]+)(${O}*=${O}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,"g"),H=/'/g,L=/"/g,j=/^(?:script|style|textarea|title)$/i,q=t=>(e,...i)=>({_$litType$:t,strings:e,values:i}),W=q(1),B=q(2),V=/* @__PURE__ */Symbol.for("lit-noChange"),F=/* @__PURE__ */Symbol.for("lit-nothing"),K=/* @__PURE__ */new WeakMap,Z=M.createTreeWalker(M,129);function G(t,e){if(!I(t)||!t.hasOwnProperty("raw"))throw Error("invalid template strings array");return void 0!==A?A.createHTML(e):e}class J{constructor({strings:t,_$litType$:e},i){let s;this.parts=[];let r=0,n=0;const a=t.length-1,o=this.parts,[l,d]=((t,e)=>{const i=t.length-1,s=[];let r,n=2===e?"<svg>":3===e?"<math>":"",a=U;for(let o=0;o<i;o++){const e=t[o];let i,l,d=-1,c=0;for(;c<e.length&&(a.lastIndex=c,l=a.exec(e),null!==l);)c=a.lastIndex,a===U?"!--"===l[1]?a=P:void 0!==l[1]?a=D:void 0!==l[2]?(j.test(l[2])&&(r=RegExp("</"+l[2],"g")),a=R):void 0!==l[3]&&(a=R):a===R?">"===l[0]?(a=r??U,d=-1):void 0===l[1]?d=-2:(d=a.lastIndex-l[2].length,i=l[1],a=void 0===l[3]?R:'"'===l[3]?L:H):a===L||a===H?a=R:a===P||a===D?a=U:(a=R,r=void 0);const h=a===R&&t[o+1].startsWith("/>")?" ":"";n+=a===U?e+T:d>=0?(s.push(i),e.slice(0,d)+E+e.slice(d)+C+h):e+C+(-2===d?o:h)}return[G(t,n+(t[i]||"<?>")+(2===e?"</svg>":3===e?"</math>":"")),s]})(t,e);if(this.el=J.createElement(l,i),Z.currentNode=this.el.content,2===e||3===e){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}for(;null!==(s=Z.nextNode())&&o.length<a;){if(1===s.nodeType){if(s.hasAttributes())for(const t of s.getAttributeNames())if(t.endsWith(E)){const e=d[n++],i=s.getAttribute(t).split(C),a=/([.?@])?(.*)/.exec(e);o.push({type:1,index:r,name:a[2],strings:i,ctor:"."===a[1]?et:"?"===a[1]?it:"@"===a[1]?st:tt}),s.removeAttribute(t)}else t.startsWith(C)&&(o.push({type:6,index:r}),s.removeAttribute(t));if(j.test(s.tagName)){const t=s.textContent.split(C),e=t.length-1;if(e>0){s.textContent=k?k.emptyScript:"";for(let i=0;i<e;i++)s.append(t[i],z()),Z.nextNode(),o.push({type:2,index:++r});s.append(t[e],z())}}}else if(8===s.nodeType)if(s.data===S)o.push({type:2,index:r});else{let t=-1;for(;-1!==(t=s.data.indexOf(C,t+1));)o.push({type:7,index:r}),t+=C.length-1}r++}}static createElement(t,e){const i=M.createElement("template");return i.innerHTML=t,i}}function Y(t,e,i=t,s){if(e===V)return e;let r=void 0!==s?i._$Co?.[s]:i._$Cl;const n=N(e)?void 0:e._$litDirective$;return r?.constructor!==n&&(r?._$AO?.(!1),void 0===n?r=void 0:(r=new n(t),r._$AT(t,i,s)),void 0!==s?(i._$Co??=[])[s]=r:i._$Cl=r),void 0!==r&&(e=Y(t,r._$AS(t,e.values),r,s)),e}class X{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){const{el:{content:e},parts:i}=this._$AD,s=(t?.creationScope??M).importNode(e,!0);Z.currentNode=s;let r=Z.nextNode(),n=0,a=0,o=i[0];for(;void 0!==o;){if(n===o.index){let e;2===o.type?e=new Q(r,r.nextSibling,this,t):1===o.type?e=new o.ctor(r,o.name,o.strings,this,t):6===o.type&&(e=new rt(r,this,t)),this._$AV.push(e),o=i[++a]}n!==o?.index&&(r=Z.nextNode(),n++)}return Z.currentNode=M,s}p(t){let e=0;for(const i of this._$AV)void 0!==i&&(void 0!==i.strings?(i._$AI(t,i,e),e+=i.strings.length-2):i._$AI(t[e])),e++}}class Q{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,i,s){this.type=2,this._$AH=F,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=i,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode;const e=this._$AM;return void 0!==e&&11===t?.nodeType&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=Y(this,t,e),N(t)?t===F||null==t||""===t?(this._$AH!==F&&this._$AR(),this._$AH=F):t!==this._$AH&&t!==V&&this._(t):void 0!==t._$litType$?this.$(t):void 0!==t.nodeType?this.T(t):(t=>I(t)||"function"==typeof t?.[Symbol.iterator])(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==F&&N(this._$AH)?this._$AA.nextSibling.data=t:this.T(M.createTextNode(t)),this._$AH=t}$(t){const{values:e,_$litType$:i}=t,s="number"==typeof i?this._$AC(t):(void 0===i.el&&(i.el=J.createElement(G(i.h,i.h[0]),this.options)),i);if(this._$AH?._$AD===s)this._$AH.p(e);else{const t=new X(s,this),i=t.u(this.options);t.p(e),this.T(i),this._$AH=t}}_$AC(t){let e=K.get(t.strings);return void 0===e&&K.set(t.strings,e=new J(t)),e}k(t){I(this._$AH)||(this._$AH=[],this._$AR());const e=this._$AH;let i,s=0;for(const r of t)s===e.length?e.push(i=new Q(this.O(z()),this.O(z()),this,this.options)):i=e[s],i._$AI(r),s++;s<e.length&&(this._$AR(i&&i._$AB.nextSibling,s),e.length=s)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){const e=x(t).nextSibling;x(t).remove(),t=e}}setConnected(t){void 0===this._$AM&&(this._$Cv=t,this._$AP?.(t))}}class tt{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,i,s,r){this.type=1,this._$AH=F,this._$AN=void 0,this.element=t,this.name=e,this._$AM=s,this.options=r,i.length>2||""!==i[0]||""!==i[1]?(this._$AH=Array(i.length-1).fill(new String),this.strings=i):this._$AH=F}_$AI(t,e=this,i,s){const r=this.strings;let n=!1;if(void 0===r)t=Y(this,t,e,0),n=!N(t)||t!==this._$AH&&t!==V,n&&(this._$AH=t);else{const s=t;let a,o;for(t=r[0],a=0;a<r.length-1;a++)o=Y(this,s[i+a],e,a),o===V&&(o=this._$AH[a]),n||=!N(o)||o!==this._$AH[a],o===F?t=F:t!==F&&(t+=(o??"")+r[a+1]),this._$AH[a]=o}n&&!s&&this.j(t)}j(t){t===F?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}}class et extends tt{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===F?void 0:t}}class it extends tt{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==F)}}class st extends tt{constructor(t,e,i,s,r){super(t,e,i,s,r),this.type=5}_$AI(t,e=this){if((t=Y(this,t,e,0)??F)===V)return;const i=this._$AH,s=t===F&&i!==F||t.capture!==i.capture||t.once!==i.once||t.passive!==i.passive,r=t!==F&&(i===F||s);s&&this.element.removeEventListener(this.name,this,i),r&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){"function"==typeof this._$AH?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}}class rt{constructor(t,e,i){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=i}get _$AU(){return this._$AM._$AU}_$AI(t){Y(this,t)}}const nt=$.litHtmlPolyfillSupport;nt?.(J,Q),($.litHtmlVersions??=[]).push("3.3.3");const at=globalThis;let ot=class extends w{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){const e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=((t,e,i)=>{const s=i?.renderBefore??e;let r=s._$litPart$;if(void 0===r){const t=i?.renderBefore??null;s._$litPart$=r=new Q(e.insertBefore(z(),t),t,void 0,i??{})}return r._$AI(t),r})(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return V}};ot._$litElement$=!0,ot.finalized=!0,at.litElementHydrateSupport?.({LitElement:ot});const lt=at.litElementPolyfillSupport;lt?.({LitElement:ot}),(at.litElementVersions??=[]).push("4.2.2");const dt=["3h","6h","24h","7d"],ct={"3h":3,"6h":6,"24h":24,"7d":168},ht={warning:75,critical:90},ut=["tap_action","hold_action","double_tap_action"];function pt(t){return"object"==typeof t&&null!==t&&!Array.isArray(t)}function _t(t,e){if(null==t)return ht[e];if("number"!=typeof t||!Number.isFinite(t))throw new Error(mt(e,t));return t}function mt(t,e){return`thresholds.${t} must be a number from 0 to 100, got ${JSON.stringify(e)}`}function gt(t){for(const s of["warning","critical"]){const e=t[s];if(e<0||e>100)return{problem:"range",name:s,value:e}}const{warning:e,critical:i}=t;return e>=i?{problem:"order",warning:e,critical:i}:void 0}function ft(t){if(!pt(t))throw new Error("Invalid configuration: expected a mapping of options");const{device_id:e,title:i,default_range:s,hours_to_show:r,show_graph:n,thresholds:a}=t;if(void 0!==e&&("string"!=typeof e||""===e))throw new Error("device_id must be the id of a Claude Usage device (a non-empty string)");if(void 0!==i&&"string"!=typeof i)throw new Error("title must be a string");if(void 0!==s&&!dt.includes(s))throw new Error(`default_range must be one of ${dt.join(", ")}, got ${JSON.stringify(s)}`);let o=s??"24h";if(void 0!==r){const t=dt.find(t=>ct[t]===r);if(void 0===t)throw new Error(`hours_to_show must be one of 3, 6, 24, 168, got ${JSON.stringify(r)}`);if(void 0!==s&&s!==t)throw new Error("Set either default_range or hours_to_show, not both");o=t}if(void 0!==n&&"boolean"!=typeof n)throw new Error("show_graph must be true or false");if(void 0!==a&&!pt(a))throw new Error("thresholds must be a mapping with warning and critical percentages");const l={};for(const d of ut){const e=t[d];if(void 0!==e){if(!pt(e)||"string"!=typeof e.action)throw new Error(`${d} must be a mapping with an action, e.g. action: more-info`);l[d]=e}}return{deviceId:e,title:i,range:o,showGraph:n??!0,thresholds:{warning:_t(a?.warning,"warning"),critical:_t(a?.critical,"critical")},actions:l}}const vt={en:{resets_in:"Resets in {duration}",resetting:"Resetting now",resets_at:"Resets {time}",pace_ahead:"Ahead of pace",pace_behind:"Behind pace",pace_on:"On pace",no_reset:"No reset scheduled",binding:"Binding limit",unavailable:"Usage unavailable",problem_rate_limited:"Rate limited by claude.ai",problem_rate_limited_until:"Rate limited by claude.ai until {time}",problem_cloudflare_blocked:"Blocked by Cloudflare",problem_cloudflare_blocked_detail:"claude.ai's Cloudflare protection turns Home Assistant's requests away.",problem_reauth_required:"Sign-in needed",problem_reauth_required_detail:"claude.ai no longer accepts this account's sign-in.",problem_server_error:"claude.ai answers with errors",problem_unreachable:"claude.ai can't be reached",problem_unavailable:"Usage unavailable",problem_unavailable_detail:"The integration has no usage from claude.ai.",problem_access_denied:"claude.ai refuses this organization from Home Assistant's network",problem_access_denied_detail:"Requests from this network (a VPN or a region claude.ai does not serve) are turned away; the sign-in itself is fine.",problem_waiting_for_report:"Waiting for Claude Code's first report",problem_waiting_for_report_detail:"The lines to paste into ~/.claude/settings.json are under Settings > Devices & services > Claude Usage > this entry > Reconfigure. The gauges appear with the first report.",retry_at:"Next try at {time}.",values_as_of:"Last values as of {time}.",value_as_of:"last value as of {time}",as_of_report:"As of {time} (Claude Code's last report)",fix_repair:"Open the repair",fix_reauthenticate:"Reauthenticate",fix_integration:"Open the integration",no_data:"No data yet",pick_account:"Pick a Claude account in the card editor.",account_not_found:"Claude account not found.",extra_usage:"Extra usage",extra_usage_of:"{used} of {limit}",credit:"Credit",credit_left:"{remaining} of {limit} left",credit_expires:"expires {date}",history:"History",history_label:"History, last {range}: {values}",no_value:"no data",history_unavailable:"History unavailable",no_history:"No history in this range yet",loading:"Loading…",reset_marker:"Reset",range:"Range",editor_device_id:"Account",editor_title:"Title",editor_default_range:"Default history range",editor_show_graph:"Show history graph",editor_thresholds:"Color thresholds",editor_warning:"Warning from",editor_critical:"Critical from",editor_hold_action_helper:"By default, holding a gauge shows its exact reset time and pace.",editor_title_helper:"Empty: the account's name.",editor_order:"The warning threshold must be lower than the critical one.",editor_range:"Thresholds are percentages from 0 to 100.",card_description:"Claude.ai usage limits with live reset countdowns and history."},de:{resets_in:"Wird in {duration} zurückgesetzt",resetting:"Wird gerade zurückgesetzt",resets_at:"Wird am {time} zurückgesetzt",pace_ahead:"Über dem Soll",pace_behind:"Unter dem Soll",pace_on:"Im Soll",no_reset:"Kein Zurücksetzen geplant",binding:"Bindendes Limit",unavailable:"Nutzung nicht verfügbar",problem_rate_limited:"Von claude.ai gedrosselt",problem_rate_limited_until:"Von claude.ai gedrosselt bis {time}",problem_cloudflare_blocked:"Von Cloudflare blockiert",problem_cloudflare_blocked_detail:"Der Cloudflare-Schutz von claude.ai weist die Anfragen von Home Assistant ab.",problem_reauth_required:"Anmeldung nötig",problem_reauth_required_detail:"claude.ai nimmt die Anmeldung dieses Kontos nicht mehr an.",problem_server_error:"claude.ai antwortet mit Fehlern",problem_unreachable:"claude.ai ist nicht erreichbar",problem_unavailable:"Nutzung nicht verfügbar",problem_unavailable_detail:"Die Integration hat keine Nutzungsdaten von claude.ai.",problem_access_denied:"claude.ai lehnt diese Organisation aus dem Netz von Home Assistant ab",problem_access_denied_detail:"Anfragen aus diesem Netz (ein VPN oder eine Region, die claude.ai nicht bedient) werden abgewiesen; die Anmeldung selbst ist in Ordnung.",problem_waiting_for_report:"Warten auf den ersten Bericht von Claude Code",problem_waiting_for_report_detail:"Die Zeilen für ~/.claude/settings.json stehen unter Einstellungen > Geräte & Dienste > Claude Usage > dieser Eintrag > Neu konfigurieren. Die Anzeigen erscheinen mit dem ersten Bericht.",retry_at:"Nächster Versuch um {time}.",values_as_of:"Letzte Werte von {time}.",value_as_of:"letzter Wert von {time}",as_of_report:"Stand {time} (letzter Bericht von Claude Code)",fix_repair:"Reparatur öffnen",fix_reauthenticate:"Erneut anmelden",fix_integration:"Integration öffnen",no_data:"Noch keine Daten",pick_account:"Wähle im Karteneditor ein Claude-Konto aus.",account_not_found:"Claude-Konto nicht gefunden.",extra_usage:"Zusätzliche Nutzung",extra_usage_of:"{used} von {limit}",credit:"Guthaben",credit_left:"{remaining} von {limit} übrig",credit_expires:"läuft am {date} ab",history:"Verlauf",history_label:"Verlauf der letzten {range}: {values}",no_value:"keine Daten",history_unavailable:"Verlauf nicht verfügbar",no_history:"Noch kein Verlauf in diesem Zeitraum",loading:"Wird geladen…",reset_marker:"Zurückgesetzt",range:"Zeitraum",editor_device_id:"Konto",editor_title:"Titel",editor_default_range:"Standardzeitraum des Verlaufs",editor_show_graph:"Verlaufsdiagramm anzeigen",editor_thresholds:"Farbschwellen",editor_warning:"Warnung ab",editor_critical:"Kritisch ab",editor_hold_action_helper:"Standardmäßig zeigt langes Drücken auf eine Anzeige, wann sie genau zurückgesetzt wird und wie sie zum Soll steht.",editor_title_helper:"Leer: der Name des Kontos.",editor_order:"Die Warnschwelle muss unter der kritischen Schwelle liegen.",editor_range:"Schwellen sind Prozentwerte von 0 bis 100.",card_description:"Claude.ai-Nutzungslimits mit Countdown bis zum Zurücksetzen und Verlauf."},fr:{resets_in:"Réinitialisation dans {duration}",resetting:"Réinitialisation en cours",resets_at:"Réinitialisation {time}",pace_ahead:"En avance sur le rythme régulier",pace_behind:"En retard sur le rythme régulier",pace_on:"Au rythme régulier",no_reset:"Aucune réinitialisation prévue",binding:"Limite déterminante",unavailable:"Utilisation indisponible",problem_rate_limited:"Limité par claude.ai",problem_rate_limited_until:"Limité par claude.ai jusqu'à {time}",problem_cloudflare_blocked:"Bloqué par Cloudflare",problem_cloudflare_blocked_detail:"La protection Cloudflare de claude.ai refuse les requêtes de Home Assistant.",problem_reauth_required:"Connexion requise",problem_reauth_required_detail:"claude.ai n'accepte plus la connexion de ce compte.",problem_server_error:"claude.ai répond par des erreurs",problem_unreachable:"claude.ai est injoignable",problem_unavailable:"Utilisation indisponible",problem_unavailable_detail:"L'intégration n'a aucune donnée d'utilisation de claude.ai.",problem_access_denied:"claude.ai refuse cette organisation depuis le réseau de Home Assistant",problem_access_denied_detail:"Les requêtes depuis ce réseau (un VPN ou une région que claude.ai ne dessert pas) sont refusées ; la connexion elle-même est valide.",problem_waiting_for_report:"En attente du premier rapport de Claude Code",problem_waiting_for_report_detail:"Les lignes à coller dans ~/.claude/settings.json se trouvent sous Paramètres > Appareils et services > Claude Usage > cette entrée > Reconfigurer. Les jauges apparaissent avec le premier rapport.",retry_at:"Prochain essai à {time}.",values_as_of:"Dernières valeurs de {time}.",value_as_of:"dernière valeur de {time}",as_of_report:"Données de {time} (dernier rapport de Claude Code)",fix_repair:"Ouvrir la réparation",fix_reauthenticate:"Se reconnecter",fix_integration:"Ouvrir l'intégration",no_data:"Pas encore de données",pick_account:"Choisissez un compte Claude dans l'éditeur de carte.",account_not_found:"Compte Claude introuvable.",extra_usage:"Utilisation supplémentaire",extra_usage_of:"{used} sur {limit}",credit:"Crédit",credit_left:"{remaining} sur {limit} restants",credit_expires:"expire le {date}",history:"Historique",history_label:"Historique sur {range} : {values}",no_value:"pas de données",history_unavailable:"Historique indisponible",no_history:"Pas encore d'historique sur cette période",loading:"Chargement…",reset_marker:"Réinitialisation",range:"Période",editor_device_id:"Compte",editor_title:"Titre",editor_default_range:"Période par défaut de l'historique",editor_show_graph:"Afficher le graphique d'historique",editor_thresholds:"Seuils de couleur",editor_warning:"Avertissement à partir de",editor_critical:"Critique à partir de",editor_hold_action_helper:"Par défaut, un appui long sur une jauge affiche l'heure exacte de la réinitialisation et le rythme.",editor_title_helper:"Vide : le nom du compte.",editor_order:"Le seuil d'avertissement doit être inférieur au seuil critique.",editor_range:"Les seuils sont des pourcentages de 0 à 100.",card_description:"Limites d'utilisation de Claude.ai avec compte à rebours et historique."}};function yt(t){const e=(t??"en").toLowerCase().split(/[-_]/)[0]??"en";return e in vt?e:"en"}function bt(t,e,i={}){return vt[yt(t)][e].replace(/\{(\w+)\}/g,(t,e)=>i[e]??t)}const wt="claude_usage",$t="claude-usage-card-editor",xt={device_id:"editor_device_id",title:"editor_title",default_range:"editor_default_range",show_graph:"editor_show_graph",thresholds:"editor_thresholds",warning:"editor_warning",critical:"editor_critical"},kt={title:"editor_title_helper",hold_action:"editor_hold_action_helper"},At={number:{min:0,max:100,step:1,mode:"box",unit_of_measurement:"%"}};const Et=(t,e)=>JSON.stringify(t)===JSON.stringify(e);class Ct extends ot{constructor(){super(...arguments),this._computeLabel=t=>t.name in xt?this._t(xt[t.name]):this.hass.localize(`ui.panel.lovelace.editor.card.generic.${t.name}`)||t.name,this._computeHelper=t=>t.name in kt?this._t(kt[t.name]):void 0}static{this.properties={hass:{attribute:!1},_config:{state:!0},_draft:{state:!0}}}setConfig(t){ft(t),this._config=t,this._draft=void 0}connectedCallback(){super.connectedCallback(),function(){if(!customElements.get("ha-form")){const t=customElements.get("hui-button-card");t?.getConfigElement?.()}}()}_t(t){return bt(this.hass?.locale.language,t)}_changed(t){gt(ft(t).thresholds)?this._draft=t:(this._draft=void 0,this._config=t,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:t},bubbles:!0,composed:!0})))}render(){const{hass:t}=this,e=this._draft??this._config;if(!t||!e)return F;const i=ft(e),s=i.deviceId?t.devices[i.deviceId]:void 0,r=gt(i.thresholds),n=function(t,e){const{hours_to_show:i,...s}=t;return{...s,default_range:e.range,show_graph:e.showGraph}}(e,i);return W`
      <ha-form
        .hass=${t}
        .data=${n}
        .schema=${a=s?.name_by_user??s?.name??void 0,[{name:"device_id",required:!0,selector:{device:{filter:{integration:wt}}}},{name:"title",default:a,selector:{text:{}}},{type:"grid",name:"",flatten:!0,schema:[{name:"default_range",visible:{field:"show_graph",operator:"not_eq",value:!1},selector:{select:{mode:"dropdown",options:dt.map(t=>({value:t,label:t}))}}},{name:"show_graph",selector:{boolean:{}}}]},{type:"expandable",name:"thresholds",schema:[{type:"grid",name:"",flatten:!0,schema:[{name:"warning",default:ht.warning,selector:At},{name:"critical",default:ht.critical,selector:At}]}]},{type:"expandable",name:"interactions",flatten:!0,schema:[{name:"tap_action",selector:{ui_action:{default_action:"more-info"}}},{name:"hold_action",selector:{ui_action:{}}},{name:"double_tap_action",selector:{ui_action:{default_action:"none"}}}]}]}
        .error=${r?{thresholds:this._t("range"===r.problem?"editor_range":"editor_order")}:void 0}
        .computeLabel=${this._computeLabel}
        .computeHelper=${this._computeHelper}
        @value-changed=${t=>{t.stopPropagation(),this._changed(function(t,e,i){const s={...t};for(const r of/* @__PURE__ */new Set([...Object.keys(e),...Object.keys(i)]))Et(e[r],i[r])||(void 0===i[r]||"title"===r&&""===i[r]?delete s[r]:s[r]=i[r],"default_range"===r&&delete s.hours_to_show);return s}(e,n,t.detail.value))}}
      ></ha-form>
    `;var a}}const St=["#4269d0","#e500ad","#12adba","#6d00c7","#f69ac4","#9bafff","#006772","#703e5c"],Tt={five_hour:0,seven_day:1,seven_day_fable:2,seven_day_opus:3,seven_day_sonnet:4,seven_day_cowork:5,seven_day_oauth_apps:6,seven_day_routines:7};function Mt(t){let e=0;for(const i of t)e=31*e+i.charCodeAt(0)>>>0;return e}function zt(t){const e=/* @__PURE__ */new Map,i=/* @__PURE__ */new Set;for(const s of t){const t=Tt[s];void 0!==t&&(e.set(s,t),i.add(t))}for(const s of[...new Set(t)].filter(t=>!e.has(t)).sort()){const t=Mt(s)%St.length;let r=t;for(let e=0;e<St.length;e+=1){const s=(t+e)%St.length;if(!i.has(s)){r=s;break}}e.set(s,r),i.add(r)}return new Map([...e].map(([t,e])=>[t,St[e]]))}const Nt=/* @__PURE__ */new Map;function It(t,e){let i=Nt.get(e);return void 0===i&&(i=t.callWS({type:"frontend/get_translations",language:e,category:"entity",integration:[wt]}).then(t=>t?.resources??{},()=>(Nt.delete(e),{})),Nt.set(e,i)),i}const Ot=/\{(\w+)\}/g;function Ut(t,e,i,s){const r=t.entities[e]?.translation_key;if(void 0===s||void 0===r)return i;const n=e.slice(0,e.indexOf(".")),a=`component.${wt}.entity.${n}.${r}.name`,o=s.server[a],l=s.user[a],d=void 0===o?void 0:function(t,e){const i=[],s=t.split(Ot).map((t,e)=>e%2==0?t.replace(/[.*+?^${}()|[\]\\]/g,"\\$&"):(i.push(t),"(.+?)")).join(""),r=new RegExp(`^${s}$`,"u").exec(e);if(!r)return;const n={};for(const[a,o]of i.entries()){const t=r[a+1];if(void 0!==n[o]&&n[o]!==t)return;n[o]=t}return n}(o,i);return void 0===l||void 0===d?i:l.replace(Ot,(t,e)=>d[e]??t)}const Pt={session:0,weekly:1,weekly_scoped:2,unknown:3},Dt=new Set(Object.keys(Pt)),Rt=/* @__PURE__ */new Map;let Ht=0;function Lt(t,e){const i=e?.window_key,s=e?.window_kind;if("string"!=typeof i||""===i)return Rt.get(t);const r=Rt.get(t);if(r?.key===i&&r.kind===s)return r;const n={key:i,kind:"string"==typeof s&&Dt.has(s)?s:"unknown"};return Rt.set(t,n),Ht+=1,n}const jt="_usage",qt="_limit_reached_at";function Wt(t,e){const i=t.states[e];if(t.formatEntityName&&i){const e=t.formatEntityName(i,{type:"entity"});if(e)return e}const s=t.entities[e];if(s?.name)return s.name;const r=t.states[e]?.attributes.friendly_name;if("string"!=typeof r||""===r)return e;const n=s?.device_id?t.devices[s.device_id]:void 0,a=n?.name_by_user??n?.name;return a&&r.startsWith(`${a} `)?r.slice(a.length+1):r}const Bt=["status","last_update","extra_usage_used","extra_usage_limit","extra_usage_utilization","credit_remaining","credit_limit","credit_expires"],Vt={windows:[],unidentified:[],sensors:{}};function Ft(t){return[...t.windows.flatMap(t=>[t.usageEntityId,t.resetEntityId,t.runsOutEntityId].filter(t=>void 0!==t)),...t.unidentified,...Object.values(t.sensors)]}function Kt(t,e,i){const s=/* @__PURE__ */new Map,r=[],n=/* @__PURE__ */new Map,a=/* @__PURE__ */new Map,o=/* @__PURE__ */new Map,l=[],d={};e.forEach((e,i)=>{const c=t.states[e],h=t.entities[e]?.translation_key;if(Bt.includes(h))return void(d[h]??=e);if(c&&h?.endsWith(qt)){const t=h.slice(0,-17);a.set(t,[...a.get(t)??[],e]);const i=c.attributes.window_key;return void("string"==typeof i&&o.set(i,e))}const u=c&&function(t,e){return t?.endsWith(jt)?"usage":t?.endsWith("_reset")?"reset":void 0===t&&"string"==typeof e.attributes.window_key?"timestamp"===e.attributes.device_class?"reset":"usage":void 0}(h,c);if(!u)return;const p=Lt(e,c.attributes);if(void 0===p)l.push(e);else if("usage"===u){const t=h?.slice(0,-6),n={entityId:e,identity:p,order:i,family:t};r.push(n),s.has(p.key)||s.set(p.key,n)}else n.has(p.key)||n.set(p.key,e)});const c=function(t,e){const i=/* @__PURE__ */new Map,s=/* @__PURE__ */new Map;for(const{entityId:r,family:n}of t){if(void 0===n)continue;const t=s.get(n)??0;s.set(n,t+1);const a=e.get(n)?.[t];a&&i.set(r,a)}return i}(r,a);return{windows:[...s.values()].sort((t,e)=>Pt[t.identity.kind]-Pt[e.identity.kind]||t.order-e.order).map(({entityId:e,identity:s})=>({...s,name:Ut(t,e,Wt(t,e),i),usageEntityId:e,resetEntityId:n.get(s.key),runsOutEntityId:o.get(s.key)??c.get(e)})),unidentified:l,sensors:d}}function Zt(){let t;return(e,i,s)=>{const r=t;if(void 0!==r&&r.entities===e.entities&&r.devices===e.devices&&r.deviceId===i&&r.translations===s&&r.learned===Ht&&r.entityIds.every((t,i)=>e.states[t]?.attributes===r.attributes[i]))return r.account;const n=function(t,e){const i=[];for(const s of Object.values(t.entities))s?.platform===wt&&s.device_id===e&&i.push(s.entity_id);return i}(e,i),a=Kt(e,n,s);return t={entities:e.entities,devices:e.devices,deviceId:i,translations:s,learned:Ht,entityIds:n,attributes:n.map(t=>e.states[t]?.attributes),account:a},a}}const Gt="unavailable",Jt="unknown";function Yt(t){if(void 0===t||""===t||t===Gt||t===Jt)return null;const e=Number(t);return Number.isFinite(e)?e:null}function Xt(t){if(void 0===t||t===Gt||t===Jt||""===t)return null;const e=Date.parse(t);return Number.isNaN(e)?null:new Date(e)}function Qt(t,e,i){const s=t.states[e],r=i[e];return s?.state===Gt&&void 0!==r?{state:r.state,attributes:r.attributes,updatedAt:r.lastUpdated,stale:!0}:s?{state:s.state,attributes:s.attributes,updatedAt:Xt(s.last_updated),stale:!1}:void 0}function te(t,e){const{resetsAt:i,updatedAt:s}=t;return t.available&&null!==i&&i.getTime()<=e&&(null===s||s<i)}const ee=1e3,ie=6e4,se=36e5,re=864e5;function ne(t){const e=/* @__PURE__ */new Map;return(i,s)=>{const r=`${i??""}|${JSON.stringify(s)}`;let n=e.get(r);return void 0===n&&(n=t(i,s),e.set(r,n)),n}}const ae=ne((t,e)=>new Intl.NumberFormat(t,e)),oe=ne((t,e)=>new Intl.DateTimeFormat(t,e)),le=ne((t,e)=>new Intl.ListFormat(t,e));function de(t){return"server"===t.locale.time_zone?t.config.time_zone:void 0}function ce(t){switch(t.locale.time_format){case"12":return"h12";case"24":return"h23";case"system":return oe(void 0,{hour:"numeric",minute:"2-digit"}).format(new Date(2023,0,1,22)).includes("10")?"h12":"h23";default:return}}function he(t,e){return ae(e,{style:"percent",maximumFractionDigits:0}).format(t/100)}function ue(t,e){if(!(t>0))return"";const i=Math.floor(t/ee);let s;s=t<ie?[[i,"second"]]:t<se?[[Math.floor(t/ie),"minute"]]:t<re?[[Math.floor(t/se),"hour"],[Math.floor(t%se/ie),"minute"]]:[[Math.floor(t/re),"day"],[Math.floor(t%re/se),"hour"]];const r=s.filter(([t],e)=>0===e||t>0).map(([t,i])=>ae(e,{style:"unit",unit:i,unitDisplay:"short"}).format(t).replaceAll(" "," "));return le(e,{type:"unit",style:"narrow"}).format(r)}function pe(t,e){return oe(e.locale.language,{dateStyle:"medium",timeStyle:"short",hourCycle:ce(e),timeZone:de(e)}).format(t)}function _e(t,e){return oe(e.locale.language,{dateStyle:"medium",timeZone:de(e)}).format(t)}function me(t,e,i){const s=de(e),r=oe(e.locale.language,{dateStyle:"short",timeZone:s}),n=r.format(t)===r.format(i);return oe(e.locale.language,{month:n?void 0:"short",day:n?void 0:"numeric",hour:"numeric",minute:"2-digit",hourCycle:ce(e),timeZone:s}).format(t)}function ge(t,e,i="narrow"){const[s,r]=t%24==0&&t>24?[t/24,"day"]:[t,"hour"];return ae(e,{style:"unit",unit:r,unitDisplay:i}).format(s)}function fe(t,e,i){if(void 0!==e&&/^[A-Z]{3}$/.test(e))return ae(i,{style:"currency",currency:e}).format(t);const s=ae(i,{minimumFractionDigits:2,maximumFractionDigits:2}).format(t);return e?`${s} ${e}`:s}function ve(t,e){return le(e,{type:"unit",style:"short"}).format(t)}const ye=["rate_limited","cloudflare_blocked","access_denied","reauth_required","server_error","unreachable","waiting_for_report"],be=36e5;const we=`/config/integrations/integration/${wt}`,$e={cloudflare_blocked:{path:"/config/repairs",label:"fix_repair"},access_denied:{path:"/config/repairs",label:"fix_repair"},reauth_required:{path:we,label:"fix_reauthenticate"},waiting_for_report:{path:we,label:"fix_integration"},unavailable:{path:we,label:"fix_integration"}};const xe=n`
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
  /*
   * --columns: gaugeColumns() in claude-usage-card.ts, from the width measured. Each gauge
   * spans three rows (arc, name, countdown) and shares them with the gauges beside it, so a
   * name on two lines moves the countdowns of its whole row alike.
   */
  .gauges {
    display: grid;
    grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
    grid-auto-rows: auto;
    gap: 0 8px;
    /* Each gauge keeps 12px below it (gaugeStyles); the last row's goes. */
    margin-bottom: -12px;
  }
  .as-of {
    margin-bottom: 8px;
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
  }
  .status {
    padding: 8px 0;
    color: var(--secondary-text-color);
  }
  .status.warning {
    color: var(--primary-text-color);
    border-left: 4px solid var(--warning-color);
    padding-left: 12px;
  }
`,ke=n`
  :host {
    display: grid;
    grid-row: span 3;
    grid-template-rows: subgrid;
    margin-bottom: 12px;
  }
  .gauge {
    display: grid;
    grid-row: span 3;
    grid-template-rows: subgrid;
    justify-items: center;
    align-items: start;
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
  /* The last value, from before claude.ai stopped answering. */
  .gauge.stale svg,
  .gauge.stale .swatch {
    filter: grayscale(1);
    opacity: 0.55;
  }
  .face {
    position: relative;
    width: 100%;
    max-width: 132px;
  }
  .gauge svg {
    width: 100%;
    display: block;
  }
  /*
   * The hold detail, over the arc: it covers the face down to the name (which reaches 10px
   * into it, see .name) and moves nothing around it.
   */
  .detail {
    position: absolute;
    inset: 0 0 10px;
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 2px;
    border-radius: 8px;
    background: color-mix(in srgb, var(--card-background-color, #fff) 90%, transparent);
    color: var(--primary-text-color);
    font-size: var(--ha-font-size-s, 12px);
    line-height: 1.3;
    text-wrap: balance;
    overflow-wrap: anywhere;
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
  /* The limit that binds first: a small flag, in the text's colour, never a status colour. */
  .gauge .binding {
    fill: var(--primary-text-color);
    stroke: var(--primary-text-color);
    stroke-width: 1.5;
    stroke-linejoin: round;
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
`,Ae=n`
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
  .tick {
    stroke: var(--divider-color);
    stroke-width: 1;
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
`,Ee=n`
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
  /* The last values, from before claude.ai stopped answering. */
  .stale .bar {
    filter: grayscale(1);
    opacity: 0.55;
  }
`,Ce=n`
  :host {
    display: block;
    margin-bottom: 12px;
  }
  .banner {
    display: flex;
    flex-direction: column;
    gap: 4px;
    align-items: flex-start;
    padding: 8px 12px;
    border-left: 4px solid var(--warning-color);
    border-radius: 4px;
    background: color-mix(in srgb, var(--warning-color) 12%, transparent);
    color: var(--primary-text-color);
    font-size: var(--ha-font-size-m, 14px);
    line-height: 1.4;
  }
  /* Not an error: waiting for Claude Code's first report. */
  .banner.note {
    border-left-color: var(--info-color, var(--primary-color));
    background: color-mix(in srgb, var(--info-color, var(--primary-color)) 10%, transparent);
  }
  .as-of {
    color: var(--secondary-text-color);
  }
  button.link {
    font: inherit;
    cursor: pointer;
    background: none;
    border: none;
    padding: 0;
    color: var(--primary-color);
    text-decoration: underline;
  }
`;class Se{constructor(t,e){this.host=t,this.selector=e,t.addController(this)}hostConnected(){this.watch()}hostUpdated(){this.watch()}watch(){const t=this.host.renderRoot.querySelector(this.selector)??void 0;t!==this.observed&&"undefined"!=typeof ResizeObserver&&(this.observer??=new ResizeObserver(t=>{const e=Math.floor(t[0]?.contentRect.width??0);e>0&&e!==this.width&&(this.width=e,this.host.requestUpdate())}),this.observer.disconnect(),this.observed=t,t&&this.observer.observe(t))}hostDisconnected(){this.observer?.disconnect(),this.observed=void 0}}const Te="claude-usage-card",Me=104;const ze={problem:void 0,retryAt:null,lastUpdate:null,lastReport:null};class Ne extends ot{constructor(){super(),this._account=Vt,this._status=ze,this._discover=Zt(),this._gaugesWidth=new Se(this,".gauges"),this._nameWidth=Me,this._recorded={}}static{this.properties={hass:{attribute:!1},_config:{state:!0},_recorded:{state:!0},_names:{state:!0}}}static{this.styles=xe}static getConfigElement(){return document.createElement($t)}static getStubConfig(t){const e=function(t){const e=/* @__PURE__ */new Set;for(const s of Object.values(t.entities))s?.platform===wt&&s.device_id&&e.add(s.device_id);const i=e=>t.devices[e]?.name_by_user??t.devices[e]?.name??e;return[...e].sort((t,e)=>i(t).localeCompare(i(e))||t.localeCompare(e))[0]}(t);return e?{device_id:e}:{}}setConfig(t){this._config=function(t){const e=ft(t),i=gt(e.thresholds);if("range"===i?.problem)throw new Error(mt(i.name,i.value));if("order"===i?.problem)throw new Error(`thresholds.warning (${i.warning}) must be lower than thresholds.critical (${i.critical})`);return e}(t)}getCardSize(){const t=Math.max(1,this._account.windows.length);return 1+2*Math.ceil(t/2)+(!1===this._config?.showGraph?0:4)}getGridOptions(){return{columns:12,rows:"auto",min_columns:6}}shouldUpdate(t){if(1!==t.size||!t.has("hass"))return!0;const e=t.get("hass"),i=this.hass;return void 0===e||void 0===i||(e.entities!==i.entities||e.devices!==i.devices||e.locale!==i.locale||e.config!==i.config||Ft(this._account).some(t=>e.states[t]!==i.states[t]))}willUpdate(){const t=this.hass,e=this._config?.deviceId;this._syncNames(),this._account=t&&e?this._discover(t,e,this._names):Vt,this._status=t?function(t,e){const{status:i,last_update:s}=e.sensors,r=i?t.states[i]:void 0,n=t=>"string"==typeof t?Xt(t):null;let a;return ye.includes(r?.state)?a=r.state:"ok"!==r?.state&&function(t,e){const i=[...e.windows.map(t=>t.usageEntityId),...e.unidentified];return i.length>0&&i.every(e=>"unavailable"===t.states[e]?.state)}(t,e)&&(a="unavailable"),{problem:a,retryAt:n(r?.attributes.retry_at),lastUpdate:n(r?.attributes.last_update)??Xt(s?t.states[s]?.state:void 0),lastReport:n(r?.attributes.last_report)}}(t,this._account):ze,this._syncRecorded(),this._syncReportTimer()}connectedCallback(){super.connectedCallback(),this.hasUpdated&&(this._namesKey=void 0,this.requestUpdate())}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this._reportTimer),this._reportTimer=void 0}_syncNames(){const t=this.hass;if(!t)return;const e=yt(t.locale.language),i=`${t.config.language}|${e}`;i!==this._namesKey&&(this._namesKey=i,this._names=void 0,async function(t,e){const i=t.config.language;if(void 0===i||i===e)return;const[s,r]=await Promise.all([It(t,i),It(t,e)]);return{server:s,user:r}}(t,e).then(t=>{i===this._namesKey&&(this._names=t)}))}_syncReportTimer(){clearTimeout(this._reportTimer),this._reportTimer=void 0;const{problem:t,lastReport:e}=this._status;if(void 0!==t||null===e||!this.isConnected)return;const i=e.getTime()+be-Date.now();i>=0&&(this._reportTimer=setTimeout(()=>this.requestUpdate(),i+1))}_syncRecorded(){const t=this.hass,{problem:e,lastUpdate:i}=this._status,s=Ft(this._account).filter(e=>"unavailable"===t?.states[e]?.state);if(!t||!e||0===s.length)return this._recordedKey=void 0,void(Object.keys(this._recorded).length>0&&(this._recorded={}));const r=Math.min(...s.map(e=>Date.parse(t.states[e].last_changed))),n=i??new Date(r-1),a=`${s.join(",")}|${n.getTime()}`;a!==this._recordedKey&&(this._recordedKey=a,async function(t,e,i){const s=await t.callWS({type:"history/history_during_period",start_time:i.toISOString(),entity_ids:e,minimal_response:!1,no_attributes:!1,significant_changes_only:!0}),r={};for(const[n,a]of Object.entries(s)){const t=(a??[]).findLast(t=>"unavailable"!==t.s);t&&(r[n]={state:t.s,attributes:t.a??{},lastUpdated:new Date(1e3*t.lu)})}return r}(t,s,n).then(t=>{if(a===this._recordedKey){for(const[e,i]of Object.entries(t))Lt(e,i?.attributes);this._recorded=t}},()=>{}))}_t(t,e){return bt(this.hass?.locale.language,t,e)}render(){const t=this.hass,e=this._config;if(!t||!e)return F;const{problem:i}=this._status,s=this._account.windows.map(e=>function(t,e,i={}){const s=Qt(t,e.usageEntityId,i),r=e.resetEntityId?Qt(t,e.resetEntityId,i):void 0,n=e.runsOutEntityId?Qt(t,e.runsOutEntityId,i):void 0,a=s?.attributes.severity,o=s?.attributes.binding;return{window:e,available:void 0!==s&&s.state!==Gt,stale:s?.stale??!1,utilization:Yt(s?.state),severity:"string"==typeof a&&""!==a?a:null,binding:"boolean"==typeof o?o:null,resetsAt:Xt(r?.state),runsOutAt:Xt(n?.state),updatedAt:s?.updatedAt??null}}(t,e,this._recorded)),r=function(t,e,i,s){return void 0===e?"no_device":void 0===t.devices[e]?"device_not_found":!s&&i.every(t=>null===t.utilization)?"no_data":"ok"}(t,e.deviceId,s,void 0!==i),n=e.deviceId?t.devices[e.deviceId]:void 0,a=e.title??n?.name_by_user??n?.name??"Claude Usage",o=function(t,e,i={}){const{extra_usage_used:s,extra_usage_limit:r,extra_usage_utilization:n}=e.sensors,a=s?Qt(t,s,i):void 0,o=Yt(a?.state);if(!s||!a||null===o)return;const l=e=>Yt(e?Qt(t,e,i)?.state:void 0),d=a.attributes.unit_of_measurement;return{entityId:s,used:o,limit:l(r),utilization:l(n),unit:"string"==typeof d&&""!==d?d:void 0,stale:a.stale}}(t,this._account,this._recorded),l=zt(s.map(t=>t.window.key)),d=function(t,e,i={}){const{credit_remaining:s,credit_limit:r,credit_expires:n}=e.sensors,a=s?Qt(t,s,i):void 0,o=Yt(a?.state);if(!s||!a||null===o)return;const l=a.attributes.unit_of_measurement,d=e=>e?Qt(t,e,i)?.state:void 0;return{entityId:s,remaining:o,limit:Yt(d(r)),expiresAt:Xt(d(n)),unit:"string"==typeof l&&""!==l?l:void 0,stale:a.stale}}(t,this._account,this._recorded),c=Date.now(),h=function(t,e){const i=t=>t.runsOutAt?.getTime()??Number.POSITIVE_INFINITY;let s;for(const r of t)!0!==r.binding||null===r.utilization||te(r,e)||(void 0===s||r.utilization>s.utilization||r.utilization===s.utilization&&i(r)<i(s))&&(s=r);return s?.window.key}(s,c),u=function(t,e){const{problem:i,lastReport:s}=t;return void 0===i&&null!==s&&e-s.getTime()>be?s:null}(this._status,c);return W`
      <ha-card>
        ${a?W`<h1 class="card-header">${a}</h1>`:F}
        <div class="card-content">
          ${"ok"===r?F:this._renderMessage(r)}
          ${u&&s.length>0?W`<div class="as-of">
                  ${this._t("as_of_report",{time:me(u,t,c)})}
                </div>`:F}
          ${i?W`<claude-usage-status
                  .hass=${t}
                  .status=${this._status}
                  ?stale=${s.some(t=>t.stale)}
                ></claude-usage-status>`:F}
          ${"ok"===r&&s.length>0?W`<div
                  class="gauges"
                  style="--columns:${function(t,e,i=104){const s=Math.max(Me,i),r=Math.max(1,Math.floor((e+8)/(s+8))),n=Math.ceil(Math.max(1,t)/r);return Math.ceil(Math.max(1,t)/n)}(s.length,this._gaugesWidth.width??Number.POSITIVE_INFINITY,this._nameWidth)}"
                >
                  ${s.map(i=>W`<claude-usage-gauge
                        data-key=${i.window.key}
                        .hass=${t}
                        .window=${i.window}
                        .reading=${i}
                        .thresholds=${e.thresholds}
                        .actions=${e.actions}
                        .asOf=${this._status.lastUpdate}
                        .color=${l.get(i.window.key)}
                        ?binding=${i.window.key===h}
                      ></claude-usage-gauge>`)}
                </div>`:F}
          ${"ok"===r&&o?W`<claude-usage-extra .hass=${t} .usage=${o}></claude-usage-extra>`:F}
          ${"ok"===r&&d?W`<claude-usage-credit .hass=${t} .credit=${d}></claude-usage-credit>`:F}
          ${"ok"===r&&e.showGraph&&s.length>0?W`<claude-usage-history
                  .hass=${t}
                  .readings=${s}
                  .range=${e.range}
                  .thresholds=${e.thresholds}
                ></claude-usage-history>`:F}
        </div>
      </ha-card>
    `}updated(){this._measureNames()}async _measureNames(){const t=this.renderRoot.querySelector("claude-usage-gauge");await(t?.updateComplete);const e=t?.shadowRoot?.querySelector(".name"),i=e&&(this._canvas??=document.createElement("canvas")).getContext("2d");if(!e||!i)return;const s=getComputedStyle(e),r=`${s.fontWeight} ${s.fontSize} ${s.fontFamily}`,n=this._account.windows.map(t=>t.name),a=`${r}|${n.join("|")}`;if(a===this._measured)return;this._measured=a,i.font=r;const o=Math.max(Me,...n.map(t=>function(t,e){const i=t.split(/\s+/).filter(t=>""!==t).map((t,i)=>e(t)+(0===i?13:0));return Math.ceil(Math.max(0,...i))+4}(t,t=>i.measureText(t).width)));o!==this._nameWidth&&(this._nameWidth=o,this.requestUpdate()),"loading"===document.fonts?.status&&document.fonts.ready.then(()=>{this._measured===a&&(this._measured=void 0,this.requestUpdate())})}_renderMessage(t){switch(t){case"no_device":return W`<div class="status">${this._t("pick_account")}</div>`;case"device_not_found":return W`<div class="status warning">${this._t("account_not_found")}</div>`;default:return W`<div class="status">${this._t("no_data")}</div>`}}}class Ie{constructor(t){}get _$AU(){return this._$AM._$AU}_$AT(t,e,i){this._$Ct=t,this._$AM=e,this._$Ci=i}_$AS(t,e){return this.update(t,e)}update(t,e){return this.render(...e)}}function Oe(t){return void 0!==t&&"none"!==t.action}function Ue(t,e,i,s){t.dispatchEvent(new CustomEvent("hass-action",{detail:{config:{entity:e,...i},action:s},bubbles:!0,composed:!0}))}class Pe{constructor(t){this.element=t,this.options={},this.held=!1,this.cancelled=!1,this.start=()=>{this.cancelled=!1,this.held=!1,clearTimeout(this.holdTimer),this.options.hasHold&&(this.holdTimer=setTimeout(()=>{this.held=!0},500))},this.cancel=()=>{this.cancelled=!0,clearTimeout(this.holdTimer)},this.end=t=>{"touchend"===t.type&&this.cancelled||(t.cancelable&&t.preventDefault(),clearTimeout(this.holdTimer),this.options.hasHold&&this.held?(this.held=!1,this.fire("hold")):this.options.hasDoubleClick?void 0===this.doubleTapTimer?this.doubleTapTimer=setTimeout(()=>{this.doubleTapTimer=void 0,this.fire("tap")},250):(clearTimeout(this.doubleTapTimer),this.doubleTapTimer=void 0,this.fire("double_tap")):this.fire("tap"))},this.key=t=>{"Enter"!==t.key&&" "!==t.key||this.end(t)},t.addEventListener("touchstart",this.start,{passive:!0}),t.addEventListener("touchend",this.end),t.addEventListener("touchcancel",this.cancel),t.addEventListener("touchmove",this.cancel,{passive:!0}),t.addEventListener("mousedown",this.start,{passive:!0}),t.addEventListener("click",this.end),t.addEventListener("keydown",this.key),t.addEventListener("contextmenu",t=>t.preventDefault())}fire(t){this.element.dispatchEvent(new CustomEvent("action",{detail:{action:t}}))}}const De=/* @__PURE__ */new WeakMap,Re=(He=class extends Ie{update(t,[e]){let i=De.get(t.element);return void 0===i&&(i=new Pe(t.element),De.set(t.element,i)),i.options=e,V}render(t){return V}},(...t)=>({_$litDirective$:He,values:t}));var He;function Le(t,e,i){const{entityId:s,title:r,value:n,share:a,stale:o}=i;return W`
    <div
      class="extra ${o?"stale":""}"
      role="button"
      tabindex="0"
      aria-label=${[r,n,null===a?void 0:he(a,e)].filter(t=>void 0!==t).join(": ")}
      .actionHandler=${Re({})}
      @action=${()=>Ue(t,s,{},"tap")}
    >
      <div class="extra-text">
        <span class="extra-title">${r}</span>
        <span class="extra-value">${n}</span>
      </div>
      ${null===a?F:W`<div class="bar" aria-hidden="true">
              <div style="width:${Math.min(100,Math.max(0,a))}%"></div>
            </div>`}
    </div>
  `}class je extends ot{static{this.properties={hass:{attribute:!1},usage:{attribute:!1}}}static{this.styles=Ee}render(){const{hass:t,usage:e}=this;if(!t||!e)return F;const i=t.locale.language,s=fe(e.used,e.unit,i);return Le(this,i,{entityId:e.entityId,title:bt(i,"extra_usage"),value:null===e.limit?s:bt(i,"extra_usage_of",{used:s,limit:fe(e.limit,e.unit,i)}),share:e.utilization??(e.limit?e.used/e.limit*100:null),stale:e.stale})}}class qe extends ot{static{this.properties={hass:{attribute:!1},credit:{attribute:!1}}}static{this.styles=Ee}render(){const{hass:t,credit:e}=this;if(!t||!e)return F;const i=t.locale.language,s=fe(e.remaining,e.unit,i),r=null===e.limit?s:bt(i,"credit_left",{remaining:s,limit:fe(e.limit,e.unit,i)}),n=e.expiresAt?bt(i,"credit_expires",{date:_e(e.expiresAt,t)}):void 0;return Le(this,i,{entityId:e.entityId,title:bt(i,"credit"),value:n?`${r} · ${n}`:r,share:e.limit?e.remaining/e.limit*100:null,stale:e.stale})}}const We={ok:0,warning:1,critical:2};const Be={ok:"var(--success-color, #43a047)",warning:"var(--warning-color, #ffa600)",critical:"var(--error-color, #db4437)"},Ve={session:18e6,weekly:6048e5,weekly_scoped:6048e5};const Fe={ahead:"pace_ahead",behind:"pace_behind",on:"pace_on"},Ke=50,Ze=48,Ge=38,Je=150,Ye=240;function Xe(t,e=Ge){const i=t*Math.PI/180,s=Ke+e*Math.cos(i),r=Ze+e*Math.sin(i);return`${Math.round(100*s)/100} ${Math.round(100*r)/100}`}function Qe(t){return Je+Ye*Math.min(1,Math.max(0,t))}function ti(t){const e=Qe(t)-Je,i=e>180?1:0;return`M${Xe(Je)}A${Ge} ${Ge} 0 ${i} 1 ${Xe(Je+e)}`}class ei extends ot{static{this.properties={hass:{attribute:!1},window:{attribute:!1},reading:{attribute:!1},thresholds:{attribute:!1},actions:{attribute:!1},asOf:{attribute:!1},color:{attribute:!1},binding:{type:Boolean},_now:{state:!0},_detail:{state:!0}}}static{this.styles=ke}constructor(){super(),this.actions={},this.binding=!1,this._now=Date.now(),this._detail=!1}connectedCallback(){super.connectedCallback(),this._now=Date.now(),this._scheduleTick()}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this._tickTimer),clearTimeout(this._detailTimer),this._tickTimer=void 0,this._detail=!1}updated(t){t.has("reading")&&this._scheduleTick()}_scheduleTick(){if(clearTimeout(this._tickTimer),!this.isConnected)return;const t=this.reading?.resetsAt,e=t?Math.min(6e4,(i=t.getTime()-Date.now())<=0?Number.POSITIVE_INFINITY:i%(i<ie?ee:ie)+1):6e4;var i;this._tickTimer=setTimeout(()=>{this._now=Date.now(),this._scheduleTick()},Math.max(250,e))}_t(t,e){return bt(this.hass?.locale.language,t,e)}_onAction(t){const e=t.detail.action;if("hold"===e&&void 0===this.actions.hold_action)return this._detail=!0,clearTimeout(this._detailTimer),void(this._detailTimer=setTimeout(()=>{this._detail=!1},3e3));Ue(this,this.window.usageEntityId,this.actions,e)}render(){const{hass:t,window:e,reading:i,thresholds:s}=this;if(!(t&&e&&i&&s))return F;const{resetsAt:r}=i,n=t.locale.language,a=te(i,this._now),o=a?null:i.utilization,l=function(t,e,i){let s="ok";null!==t&&t>=e.critical?s="critical":null!==t&&t>=e.warning&&(s="warning");const r="critical"===i||"warning"===i?i:"ok";return We[r]>We[s]?r:s}(o,s,i.severity),d=null===o?"var(--disabled-text-color, #9e9e9e)":Be[l],c=r?this._t("resets_at",{time:pe(r,t)}):void 0;let h;if(i.available)if(r){const t=r.getTime()-this._now;h=t>0?this._t("resets_in",{duration:ue(t,n)}):this._t("resetting")}else h=this._t("no_reset");else h=this._t("unavailable");const u=null===o?null:function(t,e,i){const s=Ve[t];if(void 0===s||null===e)return null;const r=e.getTime()-i;return r<=0?null:Math.min(1,Math.max(0,1-r/s))}(e.kind,r,this._now),p=null===u?void 0:this._t(Fe[function(t,e){const i=Math.round(t),s=Math.round(100*e);return i>s?"ahead":i<s?"behind":"on"}(o,u)]),_=this.binding&&!a,m=_?this._t("binding"):void 0,g=[c,p,m].filter(t=>void 0!==t).join(" · "),f=i.available&&""!==g&&this._detail,v=null===o?"—":he(o,n),y=i.stale&&this.asOf?`, ${this._t("value_as_of",{time:me(this.asOf,t,this._now)})}`:"",b=[a?e.name:`${e.name}: ${v}${y}`,m,h,c,p].filter(t=>void 0!==t).join(". "),{tap_action:w,hold_action:$,double_tap_action:x}=this.actions;return W`
      <div
        class="gauge level-${null===o?"none":l} ${i.stale?"stale":""}"
        role="button"
        tabindex=${k=void 0===w||Oe(w)?"0":void 0,k??F}
        aria-label=${b}
        title=${g||h}
        .actionHandler=${Re({hasHold:void 0===$||Oe($),hasDoubleClick:Oe(x)})}
        @action=${this._onAction}
      >
        <div class="face ${f?"showing-detail":""}">
          <svg viewBox="0 0 100 84" aria-hidden="true">
            <path class="track" d=${ti(1)}></path>
            ${null!==o&&o>0?B`<path class="value" style="stroke:${d}" d=${ti(o/100)}></path>`:F}
            ${null===u?F:B`<path class="pace" d=${function(t){const e=Qe(t);return`M${Xe(e,Ge-7)}L${Xe(e,Ge+7)}`}(u)}></path>`}
            ${_?B`<path class="binding" d=${"M86 3v15M86 3.5l10 3.75l-10 3.75z"}></path>`:F}
            <text class="percent" x="50" y="54">${v}</text>
          </svg>
          ${f?W`<div class="detail" aria-hidden="true">${g}</div>`:F}
        </div>
        <div class="name">
          <span class="swatch" style="background:${this.color}"></span>${e.name}
        </div>
        <div class="reset">${h}</div>
      </div>
    `;var k}}const ii={rate_limited:"problem_rate_limited",cloudflare_blocked:"problem_cloudflare_blocked",access_denied:"problem_access_denied",reauth_required:"problem_reauth_required",server_error:"problem_server_error",unreachable:"problem_unreachable",waiting_for_report:"problem_waiting_for_report",unavailable:"problem_unavailable"},si={cloudflare_blocked:"problem_cloudflare_blocked_detail",access_denied:"problem_access_denied_detail",reauth_required:"problem_reauth_required_detail",waiting_for_report:"problem_waiting_for_report_detail",unavailable:"problem_unavailable_detail"},ri=/* @__PURE__ */new Set(["waiting_for_report"]);class ni extends ot{static{this.properties={hass:{attribute:!1},status:{attribute:!1},stale:{type:Boolean}}}static{this.styles=Ce}constructor(){super(),this.stale=!1}render(){const{hass:t,status:e}=this,i=e?.problem;if(!t||!e||!i)return F;const s=(e,i)=>bt(t.locale.language,e,i),r=Date.now(),n=si[i],a=t.user?.is_admin?function(t){return $e[t]}(i):void 0,o=ri.has(i),l=e.retryAt&&e.retryAt.getTime()>r?e.retryAt:null,d=l?me(l,t,r):void 0,c="rate_limited"===i&&d?s("problem_rate_limited_until",{time:d}):s(ii[i]);return W`
      <div class="banner ${o?"note":""}" role=${o?"status":"alert"}>
        <strong>${c}</strong>
        ${n?W`<span>${s(n)}</span>`:F}
        ${d&&"rate_limited"!==i?W`<span>${s("retry_at",{time:d})}</span>`:F}
        ${this.stale&&e.lastUpdate?W`<span class="as-of">
                ${s("values_as_of",{time:me(e.lastUpdate,t,r)})}
              </span>`:F}
        ${a?W`<button class="link" @click=${()=>{return t=a.path,window.history.pushState(null,"",t),void window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:!1},composed:!0}));var t}}>${s(a.label)}</button>`:F}
      </div>
    `}}function ai(t,e,i,s){return null!==e&&null!==s&&s-e>=36e5||(t-i>=10||null!==e&&null===s&&i<t)}function oi(t,e){let i=0;for(;i<t.length&&t[i].t<e;)i+=1;if(0===i)return t;const s=t[i-1],r=t.slice(i);return r.length>0&&r[0].t===e?r:[{...s,t:e},...r]}function li(t,e,i){const s={...t};for(const[r,n]of Object.entries(e.states)){if(!n||0===n.length)continue;const t=n.filter(t=>"string"==typeof t.s&&Number.isFinite(t.lu)).map(t=>({t:Math.round(1e3*t.lu),s:t.s})).sort((t,e)=>t.t-e.t);if(0===t.length)continue;const e=t[0].t,i=(s[r]??[]).filter(t=>t.t<e);s[r]=[...i,...t]}for(const r of Object.keys(s))s[r]=oi(s[r],i);return s}function di(t){return"number"==typeof t?t:Date.parse(t)}function ci(t,e){let i=null;for(const s of t){if(s.t>e)break;i=s.v}return i}const hi=t=>t.t+5e3,ui=t=>t.end;function pi(t){const e=Date.parse(t.s);return Number.isNaN(e)?null:e}function _i(t,e,i){const s=e.filter(t=>"unavailable"!==t.s),r=[];let n,a=0,o=null;for(const l of t){for(;a<s.length&&s[a].t<=i(l);)o=pi(s[a]),a+=1;null!==l.v&&(void 0!==n&&ai(n.utilization,n.resetsAt,l.v,o)&&r.push(l.t),n={utilization:l.v,resetsAt:o})}return r.filter((t,e)=>0===e||t-r[e-1]>6e5)}function mi(t,e,i,s){if(s<1||i<=e||t.length<=4*s)return t;const r=(i-e)/s,n=t=>Math.min(s-1,Math.max(0,Math.floor((t-e)/r))),a=[];let o=0;for(;o<t.length;){const e=n(t[o].t),i=o;let s=-1,r=-1,l=-1;for(;o<t.length&&n(t[o].t)===e;){const e=t[o].v;null===e?l=l<0?o:l:((s<0||e<t[s].v)&&(s=o),(r<0||e>t[r].v)&&(r=o)),o+=1}const d=new Set([i,s,r,l,o-1].filter(t=>t>=0));for(const n of[...d].sort((t,e)=>t-e))a.push(t[n])}return a}const gi=6e4,fi=36e5,vi=24*fi,yi=[...[1,2,5,10,15,30].map(t=>t*gi),...[1,2,3,6,12].map(t=>t*fi),...[1,2,7].map(t=>t*vi)];function bi(t){return Math.round(10*t)/10}function wi(t,e,i){const s=Math.max(1,i-e);return{x:i=>bi(t.left+(i-e)/s*(t.right-t.left)),y:e=>bi(t.bottom-Math.min(100,Math.max(0,e))/100*(t.bottom-t.top)),t:i=>e+(Math.min(t.right,Math.max(t.left,i))-t.left)/Math.max(1,t.right-t.left)*s}}function $i(t,e,i,s){const{x:r}=wi(i,t,e),n=i.right-i.left,a=yi.find(i=>i/Math.max(1,e-t)*n>=56)??yi[yi.length-1],o=t=>t-s(t-s(t)),l=[];for(let d=Math.ceil((t+s(t))/a)*a;;d+=a){const n=o(d);if(n>e)break;const a=l[l.length-1];n>=t&&(void 0===a||n>a.t)&&r(n)<=i.width-22&&l.push({x:r(n),t:n,day:(n+s(n))%vi===0})}return l}function xi(t,e,i,s){const{x:r,y:n}=wi(s,e,i),a=[],o=[];let l,d;const c=t=>{a.push(`H${t}`),t-l.x<2&&l.high-l.low<2&&o.push({x:l.x,y:l.y}),l=void 0};for(const h of t){if(h.t>i)break;const t=r(Math.max(e,h.t));if(null===h.v){l&&void 0===d&&(d=t);continue}const s=n(h.v);l&&void 0!==d&&t-d>=2&&c(d),d=void 0,l?(a.push(`H${t}V${s}`),l.low=Math.min(l.low,s),l.high=Math.max(l.high,s)):(a.push(`M${t} ${s}`),l={x:t,y:s,low:s,high:s})}return l&&c(d??r(i)),{d:a.join(""),dots:o}}const ki=36e5;class Ai extends ot{constructor(){super(),this._graphWidth=new Se(this,".graph"),this._generation=0,this._statisticsAt=0,this._onPointerElsewhere=t=>{const e=this.renderRoot.querySelector(".chart");!this._hover||e&&t.composedPath().includes(e)||(this._hover=void 0)},this.readings=[],this.range="24h",this._now=Date.now(),this._history={},this._statistics={},this._status="idle"}static{this.properties={hass:{attribute:!1},readings:{attribute:!1},range:{attribute:!1},thresholds:{attribute:!1},_now:{state:!0},_history:{state:!0},_statistics:{state:!0},_status:{state:!0},_hover:{state:!0}}}static{this.styles=Ae}connectedCallback(){super.connectedCallback(),clearTimeout(this._stopTimer),this._now=Date.now(),this._scheduleTick(),document.addEventListener("pointerdown",this._onPointerElsewhere,!0),this.requestUpdate()}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this._tickTimer),this._tickTimer=void 0,document.removeEventListener("pointerdown",this._onPointerElsewhere,!0),this._stopTimer=setTimeout(()=>this._stop(),0)}willUpdate(){this._sync()}_t(t,e){return bt(this.hass?.locale.language,t,e)}_scheduleTick(){clearTimeout(this._tickTimer),this._tickTimer=setTimeout(()=>{this._now=Date.now(),this.hass&&"7d"===this.range&&void 0!==this._key&&this._now-this._statisticsAt>=3e5&&this._fetchWeek(this.hass,this._generation),this._scheduleTick()},6e4)}_usageIds(){return this.readings.map(t=>t.window.usageEntityId)}_resetIds(){return this.readings.flatMap(t=>t.window.resetEntityId?[t.window.resetEntityId]:[])}_stop(){this._generation+=1,this._key=void 0;const t=this._subscription;this._subscription=void 0,t?.then(t=>t()).catch(()=>{})}_sync(){const t=this.hass;if(!this.isConnected||!t||0===this.readings.length)return void(void 0!==this._key&&this._stop());const e=this._usageIds(),i=this._resetIds(),s=this.range,r=`${s}|${e.join(",")}|${i.join(",")}`;if(r===this._key)return;this._stop(),this._key=r;const n=this._generation;if(this._history={},this._statistics={},this._status="loading","7d"===s)return void this._fetchWeek(t,n);const a=ct[s];this._subscription=t.connection.subscribeMessage(t=>{n===this._generation&&(this._history=li(this._history,t,Date.now()-a*ki),this._status="ready")},{type:"history/stream",entity_ids:[...e,...i],start_time:new Date(Date.now()-a*ki).toISOString(),minimal_response:!0,no_attributes:!0,significant_changes_only:!0}),this._subscription.catch(()=>{n===this._generation&&(this._status="error")})}_fetchWeek(t,e){const i=Date.now();this._statisticsAt=i;const s=i-ct["7d"]*ki,r=new Date(s-s%ki).toISOString(),n=i-864e5,a=new Date(n-n%ki).toISOString(),o=(e,i,s)=>t.callWS({type:"recorder/statistics_during_period",start_time:i,...void 0===s?{}:{end_time:s},statistic_ids:this._usageIds(),period:e,types:["mean"]});Promise.all([o("hour",r,a),o("5minute",a)]).then(t=>{e===this._generation&&(this._statistics=function(...t){const e={};for(const i of t)for(const[t,s]of Object.entries(i)){const i=(s??[]).map(t=>{const e=di(t.start);return{t:e,end:void 0===t.end?e:di(t.end),v:"number"==typeof t.mean&&Number.isFinite(t.mean)?t.mean:null}}).filter(t=>Number.isFinite(t.t));e[t]=[...e[t]??[],...i].sort((t,e)=>t.t-e.t)}for(const[i,s]of Object.entries(e))e[i]=s.flatMap((t,e)=>{const i=s[e+1];return void 0!==i&&i.t>t.end&&t.end>t.t?[t,{t:t.end,end:t.end,v:null}]:[t]});return e}(...t),this._status="ready")},()=>{e===this._generation&&"loading"===this._status&&(this._status="error")}),t.callWS({type:"history/history_during_period",start_time:r,entity_ids:this._resetIds(),minimal_response:!0,no_attributes:!0,significant_changes_only:!0}).then(t=>{e===this._generation&&(this._history=li({},{states:t},Date.parse(r)))},()=>{})}_setRange(t){this.range=t,this._hover=void 0}_onPointerLeave(t){"touch"!==t.pointerType&&(this._hover=void 0)}_onPointer(t,e,i,s){const r=t.currentTarget.getBoundingClientRect(),n=r.width>0?e.layout.width/r.width:1,a=(t.clientX-r.left)*n,{layout:o}=e,l=Math.min(o.right,Math.max(o.left,a));this._hover={x:l,t:wi(o,i,s).t(l)}}_series(t,e){const i=zt(this.readings.map(t=>t.window.key));return this.readings.map(s=>{const{window:r}=s,n=r.resetEntityId&&this._history[r.resetEntityId]||[];let a,o;if("7d"===this.range){const t=[...this._statistics[r.usageEntityId]??[]],i=t[t.length-1];null===s.utilization||s.stale?void 0!==i&&t.push({t:i.end,end:i.end,v:null}):t.push({t:e,end:e,v:s.utilization}),o=_i(t,n,ui),a=t}else a=oi(this._history[r.usageEntityId]??[],t).map(({t:t,s:e})=>{const i=""===e.trim()?Number.NaN:Number(e);return{t:t,v:Number.isFinite(i)?i:null}}),o=_i(a,n,hi);return te(s,e)&&(a=function(t,e){return[...t.filter(t=>t.t<e),{t:e,v:null}]}(a,s.resetsAt.getTime())),{key:r.key,name:r.name,color:i.get(r.key),points:a,resets:o}})}render(){const t=this.hass;if(!t||!this.thresholds)return F;const e=t.locale.language,i=this._now,s=i-ct[this.range]*ki,r=this._series(s,i),n=function(t,e,i){const s=Math.min(...t.flatMap(t=>t.length?[t[0].t]:[]));return!Number.isFinite(s)||s<=e?e:Math.max(e,Math.min(s,i-6e5))}(r.map(t=>t.points),s,i),a=r.some(t=>t.points.some(t=>null!==t.v));return W`
      <div class="history-header">
        <span class="history-title">${this._t("history")}</span>
        <div class="ranges" role="group" aria-label=${this._t("range")}>
          ${dt.map(t=>W`<button
                class="range"
                aria-pressed=${t===this.range?"true":"false"}
                data-range=${t}
                @click=${()=>this._setRange(t)}
              >
                ${ge(ct[t],e)}
              </button>`)}
        </div>
      </div>
      <div class="graph">
        ${"error"===this._status?W`<div class="graph-message">${this._t("history_unavailable")}</div>`:"loading"===this._status?W`<div class="graph-message">${this._t("loading")}</div>`:a?this._renderGraph(r,n,i):W`<div class="graph-message">${this._t("no_history")}</div>`}
      </div>
      <div class="legend">
        ${r.map(t=>W`<span class="legend-item"
              ><span class="swatch" style="background:${t.color}"></span>${t.name}</span
            >`)}
      </div>
    `}_graphLabel(t,e){const i=this.hass.locale.language,s=t.map(t=>{const s=ci(t.points,e);return`${t.name} ${null===s?this._t("no_value"):he(s,i)}`});return this._t("history_label",{range:ge(ct[this.range],i,"long"),values:ve(s,i)})}_renderGraph(t,e,i){const s=this.hass,r=s.locale.language,n=this._graphWidth.width??300,a=function(t,e,i,s,r,n){const a=function(t){return{width:t,height:132,left:34,right:t-6,top:8,bottom:112}}(s),{x:o,y:l}=wi(a,e,i),d=Math.max(1,Math.floor(a.right-a.left)),c=t.map(t=>({item:t,...xi(mi(t.points,e,i,d),e,i,a)}));return{layout:a,lines:c.map(({item:t,d:e})=>({key:t.key,color:t.color,d:e})),dots:c.flatMap(({item:t,dots:e})=>e.map(e=>({key:t.key,color:t.color,...e}))),markers:t.flatMap(t=>t.resets.filter(t=>t>e&&t<=i).map(e=>({key:t.key,color:t.color,x:o(e),t:e}))),thresholds:[{level:"warning",y:l(r.warning)},{level:"critical",y:l(r.critical)}],xTicks:$i(e,i,a,n),yTicks:[0,50,100].map(t=>({y:l(t),value:t}))}}(t,e,i,n,this.thresholds,t=>function(t,e){const i=oe("en-US",{year:"numeric",month:"numeric",day:"numeric",hour:"numeric",minute:"numeric",second:"numeric",hourCycle:"h23",timeZone:de(e)}).formatToParts(t),s=t=>Number(i.find(e=>e.type===t).value);return Date.UTC(s("year"),s("month")-1,s("day"),s("hour"),s("minute"),s("second"))-(t-(t%ee+ee)%ee)}(t,s)),{layout:o}=a,l=this._hover,d=l?a.markers.find(t=>Math.abs(t.x-l.x)<=4):void 0,c=t=>this._onPointer(t,a,e,i);return W`
      <svg
        class="chart"
        viewBox="0 0 ${o.width} ${o.height}"
        width=${o.width}
        height=${o.height}
        role="img"
        aria-label=${this._graphLabel(t,i)}
        @pointermove=${c}
        @pointerdown=${c}
        @pointerleave=${this._onPointerLeave}
        @pointercancel=${()=>{this._hover=void 0}}
      >
        ${a.yTicks.map(t=>B`<line class="grid" x1=${o.left} x2=${o.right} y1=${t.y} y2=${t.y}></line>
            <text class="axis" x=${o.left-4} y=${t.y+3} text-anchor="end">${he(t.value,r)}</text>`)}
        ${a.thresholds.map(t=>B`<line class="threshold ${t.level}" x1=${o.left} x2=${o.right} y1=${t.y} y2=${t.y}></line>`)}
        ${a.xTicks.map(t=>B`<line class="tick" x1=${t.x} x2=${t.x} y1=${o.bottom} y2=${o.bottom+3}></line>
            <text class="axis" x=${t.x} y=${o.height-4} text-anchor="middle"
              >${t.day?function(t,e){return oe(e.locale.language,{month:"short",day:"numeric",timeZone:de(e)}).format(t)}(new Date(t.t),s):function(t,e){return oe(e.locale.language,{hour:"numeric",minute:"2-digit",hourCycle:ce(e),timeZone:de(e)}).format(t)}(new Date(t.t),s)}</text
            >`)}
        ${a.lines.map(t=>B`<path class="line" data-key=${t.key} style="stroke:${t.color}" d=${t.d}></path>`)}
        ${a.dots.map(t=>B`<circle class="dot" data-key=${t.key} cx=${t.x} cy=${t.y} r="2.5" style="fill:${t.color}"></circle>`)}
        ${a.markers.map(t=>B`<g class="reset-marker" data-key=${t.key}>
              <line x1=${t.x} x2=${t.x} y1=${o.top} y2=${o.bottom} style="stroke:${t.color}"></line>
              <circle cx=${t.x} cy=${o.bottom} r="3" style="fill:${t.color}"></circle>
              <title>${this._t("reset_marker")} · ${pe(new Date(t.t),s)}</title>
            </g>`)}
        ${l?B`<line class="cursor" x1=${l.x} x2=${l.x} y1=${o.top} y2=${o.bottom}></line>`:F}
      </svg>
      ${l?W`<div
              class="tooltip"
              style="--x:${Math.round(l.x/o.width*100)}%"
              data-align=${l.x>o.width/2?"end":"start"}
            >
              <div class="tooltip-time">${pe(new Date(l.t),s)}</div>
              ${t.map(t=>{const e=ci(t.points,l.t);return W`<div class="tooltip-row">
                  <span class="swatch" style="background:${t.color}"></span>${t.name}:
                  <strong>${null===e?"—":he(e,r)}</strong>
                </div>`})}
              ${d?W`<div class="tooltip-row">${this._t("reset_marker")}</div>`:F}
            </div>`:F}
    `}}function Ei(t,e){const i=t.entities[e];return i?.platform===wt&&i.device_id?{config:{type:`custom:${Te}`,device_id:i.device_id}}:null}function Ci(t,e=document){null===e.querySelector("home-assistant")||window.customElements.get("home-assistant")?t():window.customElements.whenDefined("home-assistant").then(t)}Ci(()=>{customElements.get(Te)||(customElements.define("claude-usage-gauge",ei),customElements.define("claude-usage-history",Ai),customElements.define("claude-usage-extra",je),customElements.define("claude-usage-credit",qe),customElements.define("claude-usage-status",ni),customElements.define($t,Ct),customElements.define(Te,Ne),window.customCards=window.customCards??[],window.customCards.push({type:Te,name:"Claude Usage",description:bt(document.documentElement.lang||navigator.language,"card_description"),preview:!0,documentationURL:"https://github.com/claude-usage-ha/claude-usage-ha",getEntitySuggestion:Ei}))});export{Ci as defineWhenAppReady,Ei as entitySuggestion};
