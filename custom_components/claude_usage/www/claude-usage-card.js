const e=globalThis,t=e.ShadowRoot&&(void 0===e.ShadyCSS||e.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,i=/* @__PURE__ */Symbol(),s=/* @__PURE__ */new WeakMap;let r=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==i)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o;const i=this.t;if(t&&void 0===e){const t=void 0!==i&&1===i.length;t&&(e=s.get(i)),void 0===e&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),t&&s.set(i,e))}return e}toString(){return this.cssText}};const n=(e,...t)=>{const s=1===e.length?e[0]:t.reduce((t,i,s)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if("number"==typeof e)return e;throw Error("Value passed to 'css' function must be a 'css' function result: "+e+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+e[s+1],e[0]);return new r(s,e,i)},a=t?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t="";for(const i of e.cssRules)t+=i.cssText;return(e=>new r("string"==typeof e?e:e+"",void 0,i))(t)})(e):e,{is:o,defineProperty:l,getOwnPropertyDescriptor:d,getOwnPropertyNames:c,getOwnPropertySymbols:h,getPrototypeOf:u}=Object,p=globalThis,_=p.trustedTypes,m=_?_.emptyScript:"",g=p.reactiveElementPolyfillSupport,f=(e,t)=>e,v={toAttribute(e,t){switch(t){case Boolean:e=e?m:null;break;case Object:case Array:e=null==e?e:JSON.stringify(e)}return e},fromAttribute(e,t){let i=e;switch(t){case Boolean:i=null!==e;break;case Number:i=null===e?null:Number(e);break;case Object:case Array:try{i=JSON.parse(e)}catch(s){i=null}}return i}},b=(e,t)=>!o(e,t),y={attribute:!0,type:String,converter:v,reflect:!1,useDefault:!1,hasChanged:b};Symbol.metadata??=/* @__PURE__ */Symbol("metadata"),p.litPropertyMetadata??=/* @__PURE__ */new WeakMap;let w=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=y){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){const i=/* @__PURE__ */Symbol(),s=this.getPropertyDescriptor(e,i,t);void 0!==s&&l(this.prototype,e,s)}}static getPropertyDescriptor(e,t,i){const{get:s,set:r}=d(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:s,set(t){const n=s?.call(this);r?.call(this,t),this.requestUpdate(e,n,i)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??y}static _$Ei(){if(this.hasOwnProperty(f("elementProperties")))return;const e=u(this);e.finalize(),void 0!==e.l&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(f("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(f("properties"))){const e=this.properties,t=[...c(e),...h(e)];for(const i of t)this.createProperty(i,e[i])}const e=this[Symbol.metadata];if(null!==e){const t=litPropertyMetadata.get(e);if(void 0!==t)for(const[e,i]of t)this.elementProperties.set(e,i)}this._$Eh=/* @__PURE__ */new Map;for(const[t,i]of this.elementProperties){const e=this._$Eu(t,i);void 0!==e&&this._$Eh.set(e,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){const t=[];if(Array.isArray(e)){const i=new Set(e.flat(1/0).reverse());for(const e of i)t.unshift(a(e))}else void 0!==e&&t.push(a(e));return t}static _$Eu(e,t){const i=t.attribute;return!1===i?void 0:"string"==typeof i?i:"string"==typeof e?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=/* @__PURE__ */new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=/* @__PURE__ */new Set).add(e),void 0!==this.renderRoot&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){const e=/* @__PURE__ */new Map,t=this.constructor.elementProperties;for(const i of t.keys())this.hasOwnProperty(i)&&(e.set(i,this[i]),delete this[i]);e.size>0&&(this._$Ep=e)}createRenderRoot(){const i=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return((i,s)=>{if(t)i.adoptedStyleSheets=s.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(const t of s){const s=document.createElement("style"),r=e.litNonce;void 0!==r&&s.setAttribute("nonce",r),s.textContent=t.cssText,i.appendChild(s)}})(i,this.constructor.elementStyles),i}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,i){this._$AK(e,i)}_$ET(e,t){const i=this.constructor.elementProperties.get(e),s=this.constructor._$Eu(e,i);if(void 0!==s&&!0===i.reflect){const r=(void 0!==i.converter?.toAttribute?i.converter:v).toAttribute(t,i.type);this._$Em=e,null==r?this.removeAttribute(s):this.setAttribute(s,r),this._$Em=null}}_$AK(e,t){const i=this.constructor,s=i._$Eh.get(e);if(void 0!==s&&this._$Em!==s){const e=i.getPropertyOptions(s),r="function"==typeof e.converter?{fromAttribute:e.converter}:void 0!==e.converter?.fromAttribute?e.converter:v;this._$Em=s;const n=r.fromAttribute(t,e.type);this[s]=n??this._$Ej?.get(s)??n,this._$Em=null}}requestUpdate(e,t,i,s=!1,r){if(void 0!==e){const n=this.constructor;if(!1===s&&(r=this[e]),i??=n.getPropertyOptions(e),!((i.hasChanged??b)(r,t)||i.useDefault&&i.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(n._$Eu(e,i))))return;this.C(e,t,i)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:i,reflect:s,wrapped:r},n){i&&!(this._$Ej??=/* @__PURE__ */new Map).has(e)&&(this._$Ej.set(e,n??t??this[e]),!0!==r||void 0!==n)||(this._$AL.has(e)||(this.hasUpdated||i||(t=void 0),this._$AL.set(e,t)),!0===s&&this._$Em!==e&&(this._$Eq??=/* @__PURE__ */new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}const e=this.scheduleUpdate();return null!=e&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}const e=this.constructor.elementProperties;if(e.size>0)for(const[t,i]of e){const{wrapped:e}=i,s=this[t];!0!==e||this._$AL.has(t)||void 0===s||this.C(t,void 0,i,s)}}let e=!1;const t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(i){throw e=!1,this._$EM(),i}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=/* @__PURE__ */new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};w.elementStyles=[],w.shadowRootOptions={mode:"open"},w[f("elementProperties")]=/* @__PURE__ */new Map,w[f("finalized")]=/* @__PURE__ */new Map,g?.({ReactiveElement:w}),(p.reactiveElementVersions??=[]).push("2.1.2");const $=globalThis,x=e=>e,k=$.trustedTypes,A=k?k.createPolicy("lit-html",{createHTML:e=>e}):void 0,E="$lit$",C=`lit$${Math.random().toFixed(9).slice(2)}$`,S="?"+C,T=`<${S}>`,M=document,z=()=>M.createComment(""),N=e=>null===e||"object"!=typeof e&&"function"!=typeof e,I=Array.isArray,O="[ \t\n\f\r]",U=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,P=/-->/g,D=/>/g,R=RegExp(`>|${O}(?:([^\\s"'>=/]+)(${O}*=${O}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,"g"),H=/'/g,j=/"/g,L=/^(?:script|style|textarea|title)$/i,q=e=>(t,...i)=>({_$litType$:e,strings:t,values:i}),W=q(1),B=q(2),V=/* @__PURE__ */Symbol.for("lit-noChange"),F=/* @__PURE__ */Symbol.for("lit-nothing"),K=/* @__PURE__ */new WeakMap,Z=M.createTreeWalker(M,129);function G(e,t){if(!I(e)||!e.hasOwnProperty("raw"))throw Error("invalid template strings array");return void 0!==A?A.createHTML(t):t}class J{constructor({strings:e,_$litType$:t},i){let s;this.parts=[];let r=0,n=0;const a=e.length-1,o=this.parts,[l,d]=((e,t)=>{const i=e.length-1,s=[];let r,n=2===t?"<svg>":3===t?"<math>":"",a=U;for(let o=0;o<i;o++){const t=e[o];let i,l,d=-1,c=0;for(;c<t.length&&(a.lastIndex=c,l=a.exec(t),null!==l);)c=a.lastIndex,a===U?"!--"===l[1]?a=P:void 0!==l[1]?a=D:void 0!==l[2]?(L.test(l[2])&&(r=RegExp("</"+l[2],"g")),a=R):void 0!==l[3]&&(a=R):a===R?">"===l[0]?(a=r??U,d=-1):void 0===l[1]?d=-2:(d=a.lastIndex-l[2].length,i=l[1],a=void 0===l[3]?R:'"'===l[3]?j:H):a===j||a===H?a=R:a===P||a===D?a=U:(a=R,r=void 0);const h=a===R&&e[o+1].startsWith("/>")?" ":"";n+=a===U?t+T:d>=0?(s.push(i),t.slice(0,d)+E+t.slice(d)+C+h):t+C+(-2===d?o:h)}return[G(e,n+(e[i]||"<?>")+(2===t?"</svg>":3===t?"</math>":"")),s]})(e,t);if(this.el=J.createElement(l,i),Z.currentNode=this.el.content,2===t||3===t){const e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;null!==(s=Z.nextNode())&&o.length<a;){if(1===s.nodeType){if(s.hasAttributes())for(const e of s.getAttributeNames())if(e.endsWith(E)){const t=d[n++],i=s.getAttribute(e).split(C),a=/([.?@])?(.*)/.exec(t);o.push({type:1,index:r,name:a[2],strings:i,ctor:"."===a[1]?te:"?"===a[1]?ie:"@"===a[1]?se:ee}),s.removeAttribute(e)}else e.startsWith(C)&&(o.push({type:6,index:r}),s.removeAttribute(e));if(L.test(s.tagName)){const e=s.textContent.split(C),t=e.length-1;if(t>0){s.textContent=k?k.emptyScript:"";for(let i=0;i<t;i++)s.append(e[i],z()),Z.nextNode(),o.push({type:2,index:++r});s.append(e[t],z())}}}else if(8===s.nodeType)if(s.data===S)o.push({type:2,index:r});else{let e=-1;for(;-1!==(e=s.data.indexOf(C,e+1));)o.push({type:7,index:r}),e+=C.length-1}r++}}static createElement(e,t){const i=M.createElement("template");return i.innerHTML=e,i}}function Y(e,t,i=e,s){if(t===V)return t;let r=void 0!==s?i._$Co?.[s]:i._$Cl;const n=N(t)?void 0:t._$litDirective$;return r?.constructor!==n&&(r?._$AO?.(!1),void 0===n?r=void 0:(r=new n(e),r._$AT(e,i,s)),void 0!==s?(i._$Co??=[])[s]=r:i._$Cl=r),void 0!==r&&(t=Y(e,r._$AS(e,t.values),r,s)),t}class X{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){const{el:{content:t},parts:i}=this._$AD,s=(e?.creationScope??M).importNode(t,!0);Z.currentNode=s;let r=Z.nextNode(),n=0,a=0,o=i[0];for(;void 0!==o;){if(n===o.index){let t;2===o.type?t=new Q(r,r.nextSibling,this,e):1===o.type?t=new o.ctor(r,o.name,o.strings,this,e):6===o.type&&(t=new re(r,this,e)),this._$AV.push(t),o=i[++a]}n!==o?.index&&(r=Z.nextNode(),n++)}return Z.currentNode=M,s}p(e){let t=0;for(const i of this._$AV)void 0!==i&&(void 0!==i.strings?(i._$AI(e,i,t),t+=i.strings.length-2):i._$AI(e[t])),t++}}class Q{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,i,s){this.type=2,this._$AH=F,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=i,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode;const t=this._$AM;return void 0!==t&&11===e?.nodeType&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=Y(this,e,t),N(e)?e===F||null==e||""===e?(this._$AH!==F&&this._$AR(),this._$AH=F):e!==this._$AH&&e!==V&&this._(e):void 0!==e._$litType$?this.$(e):void 0!==e.nodeType?this.T(e):(e=>I(e)||"function"==typeof e?.[Symbol.iterator])(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==F&&N(this._$AH)?this._$AA.nextSibling.data=e:this.T(M.createTextNode(e)),this._$AH=e}$(e){const{values:t,_$litType$:i}=e,s="number"==typeof i?this._$AC(e):(void 0===i.el&&(i.el=J.createElement(G(i.h,i.h[0]),this.options)),i);if(this._$AH?._$AD===s)this._$AH.p(t);else{const e=new X(s,this),i=e.u(this.options);e.p(t),this.T(i),this._$AH=e}}_$AC(e){let t=K.get(e.strings);return void 0===t&&K.set(e.strings,t=new J(e)),t}k(e){I(this._$AH)||(this._$AH=[],this._$AR());const t=this._$AH;let i,s=0;for(const r of e)s===t.length?t.push(i=new Q(this.O(z()),this.O(z()),this,this.options)):i=t[s],i._$AI(r),s++;s<t.length&&(this._$AR(i&&i._$AB.nextSibling,s),t.length=s)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){const t=x(e).nextSibling;x(e).remove(),e=t}}setConnected(e){void 0===this._$AM&&(this._$Cv=e,this._$AP?.(e))}}class ee{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,i,s,r){this.type=1,this._$AH=F,this._$AN=void 0,this.element=e,this.name=t,this._$AM=s,this.options=r,i.length>2||""!==i[0]||""!==i[1]?(this._$AH=Array(i.length-1).fill(new String),this.strings=i):this._$AH=F}_$AI(e,t=this,i,s){const r=this.strings;let n=!1;if(void 0===r)e=Y(this,e,t,0),n=!N(e)||e!==this._$AH&&e!==V,n&&(this._$AH=e);else{const s=e;let a,o;for(e=r[0],a=0;a<r.length-1;a++)o=Y(this,s[i+a],t,a),o===V&&(o=this._$AH[a]),n||=!N(o)||o!==this._$AH[a],o===F?e=F:e!==F&&(e+=(o??"")+r[a+1]),this._$AH[a]=o}n&&!s&&this.j(e)}j(e){e===F?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}}class te extends ee{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===F?void 0:e}}class ie extends ee{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==F)}}class se extends ee{constructor(e,t,i,s,r){super(e,t,i,s,r),this.type=5}_$AI(e,t=this){if((e=Y(this,e,t,0)??F)===V)return;const i=this._$AH,s=e===F&&i!==F||e.capture!==i.capture||e.once!==i.once||e.passive!==i.passive,r=e!==F&&(i===F||s);s&&this.element.removeEventListener(this.name,this,i),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){"function"==typeof this._$AH?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}}class re{constructor(e,t,i){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=i}get _$AU(){return this._$AM._$AU}_$AI(e){Y(this,e)}}const ne=$.litHtmlPolyfillSupport;ne?.(J,Q),($.litHtmlVersions??=[]).push("3.3.3");const ae=globalThis;let oe=class extends w{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){const t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=((e,t,i)=>{const s=i?.renderBefore??t;let r=s._$litPart$;if(void 0===r){const e=i?.renderBefore??null;s._$litPart$=r=new Q(t.insertBefore(z(),e),e,void 0,i??{})}return r._$AI(e),r})(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return V}};oe._$litElement$=!0,oe.finalized=!0,ae.litElementHydrateSupport?.({LitElement:oe});const le=ae.litElementPolyfillSupport;le?.({LitElement:oe}),(ae.litElementVersions??=[]).push("4.2.2");const de=["3h","6h","24h","7d"],ce={"3h":3,"6h":6,"24h":24,"7d":168},he={warning:75,critical:90},ue=["tap_action","hold_action","double_tap_action"];function pe(e){return"object"==typeof e&&null!==e&&!Array.isArray(e)}function _e(e,t){if(null==e)return he[t];if("number"!=typeof e||!Number.isFinite(e))throw new Error(me(t,e));return e}function me(e,t){return`thresholds.${e} must be a number from 0 to 100, got ${JSON.stringify(t)}`}function ge(e){for(const s of["warning","critical"]){const t=e[s];if(t<0||t>100)return{problem:"range",name:s,value:t}}const{warning:t,critical:i}=e;return t>=i?{problem:"order",warning:t,critical:i}:void 0}function fe(e){if(!pe(e))throw new Error("Invalid configuration: expected a mapping of options");const{device_id:t,title:i,default_range:s,hours_to_show:r,show_graph:n,thresholds:a}=e;if(void 0!==t&&("string"!=typeof t||""===t))throw new Error("device_id must be the id of a Claude Usage device (a non-empty string)");if(void 0!==i&&"string"!=typeof i)throw new Error("title must be a string");if(void 0!==s&&!de.includes(s))throw new Error(`default_range must be one of ${de.join(", ")}, got ${JSON.stringify(s)}`);let o=s??"24h";if(void 0!==r){const e=de.find(e=>ce[e]===r);if(void 0===e)throw new Error(`hours_to_show must be one of 3, 6, 24, 168, got ${JSON.stringify(r)}`);if(void 0!==s&&s!==e)throw new Error("Set either default_range or hours_to_show, not both");o=e}if(void 0!==n&&"boolean"!=typeof n)throw new Error("show_graph must be true or false");if(void 0!==a&&!pe(a))throw new Error("thresholds must be a mapping with warning and critical percentages");const l={};for(const d of ue){const t=e[d];if(void 0!==t){if(!pe(t)||"string"!=typeof t.action)throw new Error(`${d} must be a mapping with an action, e.g. action: more-info`);l[d]=t}}return{deviceId:t,title:i,range:o,showGraph:n??!0,thresholds:{warning:_e(a?.warning,"warning"),critical:_e(a?.critical,"critical")},actions:l}}const ve=1e3,be=6e4,ye=36e5,we=864e5;function $e(e){const t=/* @__PURE__ */new Map;return(i,s)=>{const r=`${i??""}|${JSON.stringify(s)}`;let n=t.get(r);return void 0===n&&(n=e(i,s),t.set(r,n)),n}}const xe=$e((e,t)=>new Intl.NumberFormat(e,t)),ke=$e((e,t)=>new Intl.DateTimeFormat(e,t)),Ae=$e((e,t)=>new Intl.ListFormat(e,t));function Ee(e){return"server"===e.locale.time_zone?e.config.time_zone:void 0}function Ce(e){switch(e.locale.time_format){case"12":return"h12";case"24":return"h23";case"system":return ke(void 0,{hour:"numeric",minute:"2-digit"}).format(new Date(2023,0,1,22)).includes("10")?"h12":"h23";default:return}}function Se(e,t){return xe(t,{style:"percent",maximumFractionDigits:0}).format(e/100)}function Te(e,t){if(!(e>0))return"";const i=Math.floor(e/ve);let s;s=e<be?[[i,"second"]]:e<ye?[[Math.floor(e/be),"minute"]]:e<we?[[Math.floor(e/ye),"hour"],[Math.floor(e%ye/be),"minute"]]:[[Math.floor(e/we),"day"],[Math.floor(e%we/ye),"hour"]];const r=s.filter(([e],t)=>0===t||e>0).map(([e,i])=>xe(t,{style:"unit",unit:i,unitDisplay:"short"}).format(e).replaceAll(" "," "));return Ae(t,{type:"unit",style:"narrow"}).format(r)}function Me(e,t){return ke(t.locale.language,{dateStyle:"medium",timeStyle:"short",hourCycle:Ce(t),timeZone:Ee(t)}).format(e)}function ze(e,t){return ke(t.locale.language,{dateStyle:"medium",timeZone:Ee(t)}).format(e)}function Ne(e,t,i){const s=Ee(t),r=ke(t.locale.language,{dateStyle:"short",timeZone:s}),n=r.format(e)===r.format(i);return ke(t.locale.language,{month:n?void 0:"short",day:n?void 0:"numeric",hour:"numeric",minute:"2-digit",hourCycle:Ce(t),timeZone:s}).format(e)}function Ie(e,t,i="narrow"){const[s,r]=e%24==0&&e>24?[e/24,"day"]:[e,"hour"];return xe(t,{style:"unit",unit:r,unitDisplay:i}).format(s)}function Oe(e,t,i){if(void 0!==t&&/^[A-Z]{3}$/.test(t))return xe(i,{style:"currency",currency:t}).format(e);const s=xe(i,{minimumFractionDigits:2,maximumFractionDigits:2}).format(e);return t?`${s} ${t}`:s}function Ue(e,t){return Ae(t,{type:"unit",style:"short"}).format(e)}const Pe={en:{resets_in:"Resets in {duration}",resetting:"Resetting now",resets_at:"Resets {time}",pace_ahead:"Ahead of pace",pace_behind:"Behind pace",pace_on:"On pace",no_reset:"No reset scheduled",binding:"Binding limit",unavailable:"Usage unavailable",problem_rate_limited:"Rate limited by claude.ai",problem_rate_limited_until:"Rate limited by claude.ai until {time}",problem_cloudflare_blocked:"Blocked by Cloudflare",problem_cloudflare_blocked_detail:"claude.ai's Cloudflare protection turns Home Assistant's requests away.",problem_reauth_required:"Sign-in needed",problem_reauth_required_detail:"claude.ai no longer accepts this account's sign-in.",problem_server_error:"claude.ai answers with errors",problem_unreachable:"claude.ai can't be reached",problem_unavailable:"Usage unavailable",problem_unavailable_detail:"The integration has no usage from claude.ai.",problem_access_denied:"claude.ai refuses this organization from Home Assistant's network",problem_access_denied_detail:"Requests from this network (a VPN or a region claude.ai does not serve) are turned away; the sign-in itself is fine.",problem_waiting_for_report:"Waiting for Claude Code's first report",problem_waiting_for_report_detail:"The lines to paste into ~/.claude/settings.json are under Settings > Devices & services > Claude Usage > this entry > Reconfigure. The gauges appear with the first report.",problem_waiting_for_report_detail_user:"An administrator of this Home Assistant finds the lines to paste into ~/.claude/settings.json under the entry's Reconfigure. The gauges appear with the first report.",retry_at:"Next try at {time}.",values_as_of:"Last values as of {time}.",value_as_of:"last value as of {time}",as_of_report:"As of {time} (Claude Code's last report)",fix_repair:"Open the repair",fix_reauthenticate:"Reauthenticate",fix_integration:"Open the integration",no_data:"No data yet",pick_account:"Pick a Claude account in the card editor.",account_not_found:"Claude account not found.",extra_usage:"Extra usage",extra_usage_of:"{used} of {limit}",credit:"Credit",credit_left:"{remaining} of {limit} left",credit_expires:"expires {date}",history:"History",history_label:"History, last {range}: {values}",no_value:"no data",history_unavailable:"History unavailable",no_history:"No history in this range yet",loading:"Loading…",reset_marker:"Reset",range:"Range",editor_device_id:"Account",editor_title:"Title",editor_default_range:"Default history range",editor_show_graph:"Show history graph",editor_thresholds:"Color thresholds",editor_warning:"Warning from",editor_critical:"Critical from",editor_hold_action_helper:"By default, holding a gauge shows its exact reset time and pace.",editor_title_helper:"Empty: the account's name.",editor_order:"The warning threshold must be lower than the critical one.",editor_range:"Thresholds are percentages from 0 to 100.",card_description:"Claude.ai usage limits with live reset countdowns and history."},de:{resets_in:"Wird in {duration} zurückgesetzt",resetting:"Wird gerade zurückgesetzt",resets_at:"Wird am {time} zurückgesetzt",pace_ahead:"Über dem Soll",pace_behind:"Unter dem Soll",pace_on:"Im Soll",no_reset:"Kein Zurücksetzen geplant",binding:"Bindendes Limit",unavailable:"Nutzung nicht verfügbar",problem_rate_limited:"Von claude.ai gedrosselt",problem_rate_limited_until:"Von claude.ai gedrosselt bis {time}",problem_cloudflare_blocked:"Von Cloudflare blockiert",problem_cloudflare_blocked_detail:"Der Cloudflare-Schutz von claude.ai weist die Anfragen von Home Assistant ab.",problem_reauth_required:"Anmeldung nötig",problem_reauth_required_detail:"claude.ai nimmt die Anmeldung dieses Kontos nicht mehr an.",problem_server_error:"claude.ai antwortet mit Fehlern",problem_unreachable:"claude.ai ist nicht erreichbar",problem_unavailable:"Nutzung nicht verfügbar",problem_unavailable_detail:"Die Integration hat keine Nutzungsdaten von claude.ai.",problem_access_denied:"claude.ai lehnt diese Organisation aus dem Netz von Home Assistant ab",problem_access_denied_detail:"Anfragen aus diesem Netz (ein VPN oder eine Region, die claude.ai nicht bedient) werden abgewiesen; die Anmeldung selbst ist in Ordnung.",problem_waiting_for_report:"Warten auf den ersten Bericht von Claude Code",problem_waiting_for_report_detail:"Die Zeilen für ~/.claude/settings.json stehen unter Einstellungen > Geräte & Dienste > Claude Usage > dieser Eintrag > Neu konfigurieren. Die Anzeigen erscheinen mit dem ersten Bericht.",problem_waiting_for_report_detail_user:"Die Zeilen für ~/.claude/settings.json findet ein Administrator dieses Home Assistant unter „Neu konfigurieren“ des Eintrags. Die Anzeigen erscheinen mit dem ersten Bericht.",retry_at:"Nächster Versuch um {time}.",values_as_of:"Letzte Werte von {time}.",value_as_of:"letzter Wert von {time}",as_of_report:"Stand {time} (letzter Bericht von Claude Code)",fix_repair:"Reparatur öffnen",fix_reauthenticate:"Erneut anmelden",fix_integration:"Integration öffnen",no_data:"Noch keine Daten",pick_account:"Wähle im Karteneditor ein Claude-Konto aus.",account_not_found:"Claude-Konto nicht gefunden.",extra_usage:"Zusätzliche Nutzung",extra_usage_of:"{used} von {limit}",credit:"Guthaben",credit_left:"{remaining} von {limit} übrig",credit_expires:"läuft am {date} ab",history:"Verlauf",history_label:"Verlauf der letzten {range}: {values}",no_value:"keine Daten",history_unavailable:"Verlauf nicht verfügbar",no_history:"Noch kein Verlauf in diesem Zeitraum",loading:"Wird geladen…",reset_marker:"Zurückgesetzt",range:"Zeitraum",editor_device_id:"Konto",editor_title:"Titel",editor_default_range:"Standardzeitraum des Verlaufs",editor_show_graph:"Verlaufsdiagramm anzeigen",editor_thresholds:"Farbschwellen",editor_warning:"Warnung ab",editor_critical:"Kritisch ab",editor_hold_action_helper:"Standardmäßig zeigt langes Drücken auf eine Anzeige, wann sie genau zurückgesetzt wird und wie sie zum Soll steht.",editor_title_helper:"Leer: der Name des Kontos.",editor_order:"Die Warnschwelle muss unter der kritischen Schwelle liegen.",editor_range:"Schwellen sind Prozentwerte von 0 bis 100.",card_description:"Claude.ai-Nutzungslimits mit Countdown bis zum Zurücksetzen und Verlauf."},fr:{resets_in:"Réinitialisation dans {duration}",resetting:"Réinitialisation en cours",resets_at:"Réinitialisation {time}",pace_ahead:"En avance sur le rythme régulier",pace_behind:"En retard sur le rythme régulier",pace_on:"Au rythme régulier",no_reset:"Aucune réinitialisation prévue",binding:"Limite déterminante",unavailable:"Utilisation indisponible",problem_rate_limited:"Limité par claude.ai",problem_rate_limited_until:"Limité par claude.ai jusqu'à {time}",problem_cloudflare_blocked:"Bloqué par Cloudflare",problem_cloudflare_blocked_detail:"La protection Cloudflare de claude.ai refuse les requêtes de Home Assistant.",problem_reauth_required:"Connexion requise",problem_reauth_required_detail:"claude.ai n'accepte plus la connexion de ce compte.",problem_server_error:"claude.ai répond par des erreurs",problem_unreachable:"claude.ai est injoignable",problem_unavailable:"Utilisation indisponible",problem_unavailable_detail:"L'intégration n'a aucune donnée d'utilisation de claude.ai.",problem_access_denied:"claude.ai refuse cette organisation depuis le réseau de Home Assistant",problem_access_denied_detail:"Les requêtes depuis ce réseau (un VPN ou une région que claude.ai ne dessert pas) sont refusées ; la connexion elle-même est valide.",problem_waiting_for_report:"En attente du premier rapport de Claude Code",problem_waiting_for_report_detail:"Les lignes à coller dans ~/.claude/settings.json se trouvent sous Paramètres > Appareils et services > Claude Usage > cette entrée > Reconfigurer. Les jauges apparaissent avec le premier rapport.",problem_waiting_for_report_detail_user:"Un administrateur de ce Home Assistant trouve les lignes à coller dans ~/.claude/settings.json sous « Reconfigurer » de l'entrée. Les jauges apparaissent avec le premier rapport.",retry_at:"Prochain essai à {time}.",values_as_of:"Dernières valeurs de {time}.",value_as_of:"dernière valeur de {time}",as_of_report:"Données de {time} (dernier rapport de Claude Code)",fix_repair:"Ouvrir la réparation",fix_reauthenticate:"Se reconnecter",fix_integration:"Ouvrir l'intégration",no_data:"Pas encore de données",pick_account:"Choisissez un compte Claude dans l'éditeur de carte.",account_not_found:"Compte Claude introuvable.",extra_usage:"Utilisation supplémentaire",extra_usage_of:"{used} sur {limit}",credit:"Crédit",credit_left:"{remaining} sur {limit} restants",credit_expires:"expire le {date}",history:"Historique",history_label:"Historique sur {range} : {values}",no_value:"pas de données",history_unavailable:"Historique indisponible",no_history:"Pas encore d'historique sur cette période",loading:"Chargement…",reset_marker:"Réinitialisation",range:"Période",editor_device_id:"Compte",editor_title:"Titre",editor_default_range:"Période par défaut de l'historique",editor_show_graph:"Afficher le graphique d'historique",editor_thresholds:"Seuils de couleur",editor_warning:"Avertissement à partir de",editor_critical:"Critique à partir de",editor_hold_action_helper:"Par défaut, un appui long sur une jauge affiche l'heure exacte de la réinitialisation et le rythme.",editor_title_helper:"Vide : le nom du compte.",editor_order:"Le seuil d'avertissement doit être inférieur au seuil critique.",editor_range:"Les seuils sont des pourcentages de 0 à 100.",card_description:"Limites d'utilisation de Claude.ai avec compte à rebours et historique."}};function De(e){const t=(e??"en").toLowerCase().split(/[-_]/)[0]??"en";return t in Pe?t:"en"}function Re(e,t,i={}){return Pe[De(e)][t].replace(/\{(\w+)\}/g,(e,t)=>i[t]??e)}const He="claude_usage",je="claude-usage-card-editor",Le={device_id:"editor_device_id",title:"editor_title",default_range:"editor_default_range",show_graph:"editor_show_graph",thresholds:"editor_thresholds",warning:"editor_warning",critical:"editor_critical"},qe={title:"editor_title_helper",hold_action:"editor_hold_action_helper"},We={number:{min:0,max:100,step:1,mode:"box",unit_of_measurement:"%"}};const Be=(e,t)=>JSON.stringify(e)===JSON.stringify(t);class Ve extends oe{constructor(){super(...arguments),this._computeLabel=e=>e.name in Le?this._t(Le[e.name]):this.hass.localize(`ui.panel.lovelace.editor.card.generic.${e.name}`)||e.name,this._computeHelper=e=>e.name in qe?this._t(qe[e.name]):void 0}static{this.properties={hass:{attribute:!1},_config:{state:!0},_draft:{state:!0}}}setConfig(e){fe(e),this._config=e,this._draft=void 0}connectedCallback(){super.connectedCallback(),function(){if(!customElements.get("ha-form")){const e=customElements.get("hui-button-card");e?.getConfigElement?.()}}()}willUpdate(e){e.has("hass")&&this.hass&&!e.get("hass")&&this.hass.loadBackendTranslation?.("title",He)}_t(e){return Re(this.hass?.locale.language,e)}_changed(e){ge(fe(e).thresholds)?this._draft=e:(this._draft=void 0,this._config=e,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:e},bubbles:!0,composed:!0})))}render(){const{hass:e}=this,t=this._draft??this._config;if(!e||!t)return F;const i=fe(t),s=i.deviceId?e.devices[i.deviceId]:void 0,r=ge(i.thresholds),n=function(e,t){const{hours_to_show:i,...s}=e;return{...s,default_range:t.range,show_graph:t.showGraph}}(t,i);return W`
      <ha-form
        .hass=${e}
        .data=${n}
        .schema=${function(e,t="en"){return[{name:"device_id",required:!0,selector:{device:{filter:{integration:He}}}},{name:"title",default:e,selector:{text:{}}},{type:"grid",name:"",flatten:!0,schema:[{name:"default_range",visible:{field:"show_graph",operator:"not_eq",value:!1},selector:{select:{mode:"dropdown",options:de.map(e=>({value:e,label:Ie(ce[e],t,"long")}))}}},{name:"show_graph",selector:{boolean:{}}}]},{type:"expandable",name:"thresholds",schema:[{type:"grid",name:"",flatten:!0,schema:[{name:"warning",default:he.warning,selector:We},{name:"critical",default:he.critical,selector:We}]}]},{type:"expandable",name:"interactions",flatten:!0,schema:[{name:"tap_action",selector:{ui_action:{default_action:"more-info"}}},{name:"hold_action",selector:{ui_action:{}}},{name:"double_tap_action",selector:{ui_action:{default_action:"none"}}}]}]}(s?.name_by_user??s?.name??void 0,e.locale.language)}
        .error=${r?{thresholds:this._t("range"===r.problem?"editor_range":"editor_order")}:void 0}
        .computeLabel=${this._computeLabel}
        .computeHelper=${this._computeHelper}
        @value-changed=${e=>{e.stopPropagation(),this._changed(function(e,t,i){const s={...e};for(const r of/* @__PURE__ */new Set([...Object.keys(t),...Object.keys(i)]))Be(t[r],i[r])||(void 0===i[r]||"title"===r&&""===i[r]?delete s[r]:s[r]=i[r],"default_range"===r&&delete s.hours_to_show);return s}(t,n,e.detail.value))}}
      ></ha-form>
    `}}const Fe=["#4269d0","#e500ad","#12adba","#6d00c7","#f69ac4","#9bafff","#006772","#703e5c"],Ke={five_hour:0,seven_day:1,seven_day_fable:2,seven_day_opus:3,seven_day_sonnet:4,seven_day_cowork:5,seven_day_oauth_apps:6,seven_day_routines:7};function Ze(e){let t=0;for(const i of e)t=31*t+i.charCodeAt(0)>>>0;return t}function Ge(e){const t=/* @__PURE__ */new Map,i=/* @__PURE__ */new Set;for(const s of e){const e=Ke[s];void 0!==e&&(t.set(s,e),i.add(e))}for(const s of[...new Set(e)].filter(e=>!t.has(e)).sort()){const e=Ze(s)%Fe.length;let r=e;for(let t=0;t<Fe.length;t+=1){const s=(e+t)%Fe.length;if(!i.has(s)){r=s;break}}t.set(s,r),i.add(r)}return new Map([...t].map(([e,t])=>[e,Fe[t]]))}const Je=/* @__PURE__ */new Map;function Ye(e,t){let i=Je.get(t);return void 0===i&&(i=e.callWS({type:"frontend/get_translations",language:t,category:"entity",integration:[He]}).then(e=>e?.resources??{},()=>(Je.delete(t),{})),Je.set(t,i)),i}const Xe=/\{(\w+)\}/g;function Qe(e,t,i,s){const r=e.entities[t]?.translation_key;if(void 0===s||void 0===r)return i;const n=t.slice(0,t.indexOf(".")),a=`component.${He}.entity.${n}.${r}.name`,o=s.server[a],l=s.user[a],d=void 0===o?void 0:function(e,t){const i=[],s=e.split(Xe).map((e,t)=>t%2==0?e.replace(/[.*+?^${}()|[\]\\]/g,"\\$&"):(i.push(e),"(.+?)")).join(""),r=new RegExp(`^${s}$`,"u").exec(t);if(!r)return;const n={};for(const[a,o]of i.entries()){const e=r[a+1];if(void 0!==n[o]&&n[o]!==e)return;n[o]=e}return n}(o,i);return void 0===l||void 0===d?i:l.replace(Xe,(e,t)=>d[t]??e)}const et={session:0,weekly:1,weekly_scoped:2,unknown:3},tt=new Set(Object.keys(et)),it=/* @__PURE__ */new Map;let st=0;function rt(e,t){const i=t?.window_key,s=t?.window_kind;if("string"!=typeof i||""===i)return it.get(e);const r=it.get(e);if(r?.key===i&&r.kind===s)return r;const n={key:i,kind:"string"==typeof s&&tt.has(s)?s:"unknown"};return it.set(e,n),st+=1,n}const nt="_usage",at="_limit_reached_at";function ot(e,t){const i=e.states[t];if(e.formatEntityName&&i){const t=e.formatEntityName(i,{type:"entity"});if(t)return t}const s=e.entities[t];if(s?.name)return s.name;const r=e.states[t]?.attributes.friendly_name;if("string"!=typeof r||""===r)return t;const n=s?.device_id?e.devices[s.device_id]:void 0,a=n?.name_by_user??n?.name;return a&&r.startsWith(`${a} `)?r.slice(a.length+1):r}const lt=["status","last_update","extra_usage_used","extra_usage_limit","extra_usage_utilization","credit_remaining","credit_limit","credit_expires"],dt={windows:[],unidentified:[],sensors:{}};function ct(e){return[...e.windows.flatMap(e=>[e.usageEntityId,e.resetEntityId,e.runsOutEntityId].filter(e=>void 0!==e)),...e.unidentified,...Object.values(e.sensors)]}function ht(e,t,i){const s=/* @__PURE__ */new Map,r=[],n=/* @__PURE__ */new Map,a=/* @__PURE__ */new Map,o=/* @__PURE__ */new Map,l=[],d={};t.forEach((t,i)=>{const c=e.states[t],h=e.entities[t]?.translation_key;if(lt.includes(h))return void(d[h]??=t);if(c&&h?.endsWith(at)){const e=h.slice(0,-17);a.set(e,[...a.get(e)??[],t]);const i=c.attributes.window_key;return void("string"==typeof i&&o.set(i,t))}const u=c&&function(e,t){return e?.endsWith(nt)?"usage":e?.endsWith("_reset")?"reset":void 0===e&&"string"==typeof t.attributes.window_key?"timestamp"===t.attributes.device_class?"reset":"usage":void 0}(h,c);if(!u)return;const p=rt(t,c.attributes);if(void 0===p)l.push(t);else if("usage"===u){const e=h?.slice(0,-6),n={entityId:t,identity:p,order:i,family:e};r.push(n),s.has(p.key)||s.set(p.key,n)}else n.has(p.key)||n.set(p.key,t)});const c=function(e,t){const i=/* @__PURE__ */new Map,s=/* @__PURE__ */new Map;for(const{entityId:r,family:n}of e){if(void 0===n)continue;const e=s.get(n)??0;s.set(n,e+1);const a=t.get(n)?.[e];a&&i.set(r,a)}return i}(r,a);return{windows:[...s.values()].sort((e,t)=>et[e.identity.kind]-et[t.identity.kind]||e.order-t.order).map(({entityId:t,identity:s})=>({...s,name:Qe(e,t,ot(e,t),i),usageEntityId:t,resetEntityId:n.get(s.key),runsOutEntityId:o.get(s.key)??c.get(t)})),unidentified:l,sensors:d}}function ut(){let e;return(t,i,s)=>{const r=e;if(void 0!==r&&r.entities===t.entities&&r.devices===t.devices&&r.deviceId===i&&r.translations===s&&r.learned===st&&r.entityIds.every((e,i)=>t.states[e]?.attributes===r.attributes[i]))return r.account;const n=function(e,t){const i=[];for(const s of Object.values(e.entities))s?.platform===He&&s.device_id===t&&i.push(s.entity_id);return i}(t,i),a=ht(t,n,s);return e={entities:t.entities,devices:t.devices,deviceId:i,translations:s,learned:st,entityIds:n,attributes:n.map(e=>t.states[e]?.attributes),account:a},a}}const pt="unavailable",_t="unknown";function mt(e){if(void 0===e||""===e||e===pt||e===_t)return null;const t=Number(e);return Number.isFinite(t)?t:null}function gt(e){if(void 0===e||e===pt||e===_t||""===e)return null;const t=Date.parse(e);return Number.isNaN(t)?null:new Date(t)}function ft(e,t,i){const s=e.states[t],r=i[t];return s?.state===pt&&void 0!==r?{state:r.state,attributes:r.attributes,updatedAt:r.lastUpdated,stale:!0}:s?{state:s.state,attributes:s.attributes,updatedAt:gt(s.last_updated),stale:!1}:void 0}function vt(e,t){const{resetsAt:i,updatedAt:s}=e;return e.available&&null!==i&&i.getTime()<=t&&(null===s||s<i)}const bt=["rate_limited","cloudflare_blocked","access_denied","reauth_required","server_error","unreachable","waiting_for_report"],yt=36e5;const wt=`/config/integrations/integration/${He}`,$t={cloudflare_blocked:{path:"/config/repairs",label:"fix_repair"},access_denied:{path:"/config/repairs",label:"fix_repair"},reauth_required:{path:wt,label:"fix_reauthenticate"},waiting_for_report:{path:wt,label:"fix_integration"},unavailable:{path:wt,label:"fix_integration"}};const xt=n`
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
`,kt=n`
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
`,At=n`
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
`,Et=n`
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
`,Ct=n`
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
`;class St{constructor(e,t){this.host=e,this.selector=t,e.addController(this)}hostConnected(){this.watch()}hostUpdated(){this.watch()}watch(){const e=this.host.renderRoot.querySelector(this.selector)??void 0;e!==this.observed&&"undefined"!=typeof ResizeObserver&&(this.observer??=new ResizeObserver(e=>{const t=Math.floor(e[0]?.contentRect.width??0);t>0&&t!==this.width&&(this.width=t,this.host.requestUpdate())}),this.observer.disconnect(),this.observed=e,e&&this.observer.observe(e))}hostDisconnected(){this.observer?.disconnect(),this.observed=void 0}}const Tt="claude-usage-card",Mt=104;const zt={problem:void 0,retryAt:null,lastUpdate:null,lastReport:null};class Nt extends oe{constructor(){super(),this._account=dt,this._status=zt,this._discover=ut(),this._gaugesWidth=new St(this,".gauges"),this._nameWidth=Mt,this._recorded={}}static{this.properties={hass:{attribute:!1},_config:{state:!0},_recorded:{state:!0},_names:{state:!0}}}static{this.styles=xt}static getConfigElement(){return document.createElement(je)}static getStubConfig(e){const t=function(e){const t=/* @__PURE__ */new Set;for(const s of Object.values(e.entities))s?.platform===He&&s.device_id&&t.add(s.device_id);const i=t=>e.devices[t]?.name_by_user??e.devices[t]?.name??t;return[...t].sort((e,t)=>i(e).localeCompare(i(t))||e.localeCompare(t))[0]}(e);return t?{device_id:t}:{}}setConfig(e){this._config=function(e){const t=fe(e),i=ge(t.thresholds);if("range"===i?.problem)throw new Error(me(i.name,i.value));if("order"===i?.problem)throw new Error(`thresholds.warning (${i.warning}) must be lower than thresholds.critical (${i.critical})`);return t}(e)}getCardSize(){const e=Math.max(1,this._account.windows.length);return 1+2*Math.ceil(e/2)+(!1===this._config?.showGraph?0:4)}getGridOptions(){return{columns:12,rows:"auto",min_columns:6}}shouldUpdate(e){if(1!==e.size||!e.has("hass"))return!0;const t=e.get("hass"),i=this.hass;return void 0===t||void 0===i||(t.entities!==i.entities||t.devices!==i.devices||t.locale!==i.locale||t.config!==i.config||ct(this._account).some(e=>t.states[e]!==i.states[e]))}willUpdate(){const e=this.hass,t=this._config?.deviceId;this._syncNames(),this._account=e&&t?this._discover(e,t,this._names):dt,this._status=e?function(e,t){const{status:i,last_update:s}=t.sensors,r=i?e.states[i]:void 0,n=e=>"string"==typeof e?gt(e):null;let a;return bt.includes(r?.state)?a=r.state:"ok"!==r?.state&&function(e,t){const i=[...t.windows.map(e=>e.usageEntityId),...t.unidentified];return i.length>0&&i.every(t=>"unavailable"===e.states[t]?.state)}(e,t)&&(a="unavailable"),{problem:a,retryAt:n(r?.attributes.retry_at),lastUpdate:n(r?.attributes.last_update)??gt(s?e.states[s]?.state:void 0),lastReport:n(r?.attributes.last_report)}}(e,this._account):zt,this._syncRecorded(),this._syncReportTimer()}connectedCallback(){super.connectedCallback(),this.hasUpdated&&(this._namesKey=void 0,this.requestUpdate())}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this._reportTimer),this._reportTimer=void 0}_syncNames(){const e=this.hass;if(!e)return;const t=De(e.locale.language),i=`${e.config.language}|${t}`;i!==this._namesKey&&(this._namesKey=i,this._names=void 0,async function(e,t){const i=e.config.language;if(void 0===i||i===t)return;const[s,r]=await Promise.all([Ye(e,i),Ye(e,t)]);return{server:s,user:r}}(e,t).then(e=>{i===this._namesKey&&(this._names=e)}))}_syncReportTimer(){clearTimeout(this._reportTimer),this._reportTimer=void 0;const{problem:e,lastReport:t}=this._status;if(void 0!==e||null===t||!this.isConnected)return;const i=t.getTime()+yt-Date.now();i>=0&&(this._reportTimer=setTimeout(()=>this.requestUpdate(),i+1))}_syncRecorded(){const e=this.hass,{problem:t,lastUpdate:i}=this._status,s=ct(this._account).filter(t=>"unavailable"===e?.states[t]?.state);if(!e||!t||0===s.length)return this._recordedKey=void 0,void(Object.keys(this._recorded).length>0&&(this._recorded={}));const r=Math.min(...s.map(t=>Date.parse(e.states[t].last_changed))),n=i??new Date(r-1),a=`${s.join(",")}|${n.getTime()}`;a!==this._recordedKey&&(this._recordedKey=a,async function(e,t,i){const s=await e.callWS({type:"history/history_during_period",start_time:i.toISOString(),entity_ids:t,minimal_response:!1,no_attributes:!1,significant_changes_only:!0}),r={};for(const[n,a]of Object.entries(s)){const e=(a??[]).findLast(e=>"unavailable"!==e.s);e&&(r[n]={state:e.s,attributes:e.a??{},lastUpdated:new Date(1e3*e.lu)})}return r}(e,s,n).then(e=>{if(a===this._recordedKey){for(const[t,i]of Object.entries(e))rt(t,i?.attributes);this._recorded=e}},()=>{}))}_t(e,t){return Re(this.hass?.locale.language,e,t)}render(){const e=this.hass,t=this._config;if(!e||!t)return F;const{problem:i}=this._status,s=this._account.windows.map(t=>function(e,t,i={}){const s=ft(e,t.usageEntityId,i),r=t.resetEntityId?ft(e,t.resetEntityId,i):void 0,n=t.runsOutEntityId?ft(e,t.runsOutEntityId,i):void 0,a=s?.attributes.severity,o=s?.attributes.binding;return{window:t,available:void 0!==s&&s.state!==pt,stale:s?.stale??!1,utilization:mt(s?.state),severity:"string"==typeof a&&""!==a?a:null,binding:"boolean"==typeof o?o:null,resetsAt:gt(r?.state),runsOutAt:gt(n?.state),updatedAt:s?.updatedAt??null}}(e,t,this._recorded)),r=function(e,t,i,s){return void 0===t?"no_device":void 0===e.devices[t]?"device_not_found":!s&&i.every(e=>null===e.utilization)?"no_data":"ok"}(e,t.deviceId,s,void 0!==i),n=t.deviceId?e.devices[t.deviceId]:void 0,a=t.title??n?.name_by_user??n?.name??"Claude Usage",o=function(e,t,i={}){const{extra_usage_used:s,extra_usage_limit:r,extra_usage_utilization:n}=t.sensors,a=s?ft(e,s,i):void 0,o=mt(a?.state);if(!s||!a||null===o)return;const l=t=>mt(t?ft(e,t,i)?.state:void 0),d=a.attributes.unit_of_measurement;return{entityId:s,used:o,limit:l(r),utilization:l(n),unit:"string"==typeof d&&""!==d?d:void 0,stale:a.stale}}(e,this._account,this._recorded),l=Ge(s.map(e=>e.window.key)),d=function(e,t,i={}){const{credit_remaining:s,credit_limit:r,credit_expires:n}=t.sensors,a=s?ft(e,s,i):void 0,o=mt(a?.state);if(!s||!a||null===o)return;const l=a.attributes.unit_of_measurement,d=t=>t?ft(e,t,i)?.state:void 0;return{entityId:s,remaining:o,limit:mt(d(r)),expiresAt:gt(d(n)),unit:"string"==typeof l&&""!==l?l:void 0,stale:a.stale}}(e,this._account,this._recorded),c=Date.now(),h=function(e,t){const i=e=>e.runsOutAt?.getTime()??Number.POSITIVE_INFINITY;let s;for(const r of e)!0!==r.binding||null===r.utilization||vt(r,t)||(void 0===s||r.utilization>s.utilization||r.utilization===s.utilization&&i(r)<i(s))&&(s=r);return s?.window.key}(s,c),u=function(e,t){const{problem:i,lastReport:s}=e;return void 0===i&&null!==s&&t-s.getTime()>yt?s:null}(this._status,c);return W`
      <ha-card>
        ${a?W`<h1 class="card-header">${a}</h1>`:F}
        <div class="card-content">
          ${"ok"===r?F:this._renderMessage(r)}
          ${u&&s.length>0?W`<div class="as-of">
                  ${this._t("as_of_report",{time:Ne(u,e,c)})}
                </div>`:F}
          ${i?W`<claude-usage-status
                  .hass=${e}
                  .status=${this._status}
                  ?stale=${s.some(e=>e.stale)}
                ></claude-usage-status>`:F}
          ${"ok"===r&&s.length>0?W`<div
                  class="gauges"
                  style="--columns:${function(e,t,i=104){const s=Math.max(Mt,i),r=Math.max(1,Math.floor((t+8)/(s+8))),n=Math.ceil(Math.max(1,e)/r);return Math.ceil(Math.max(1,e)/n)}(s.length,this._gaugesWidth.width??Number.POSITIVE_INFINITY,this._nameWidth)}"
                >
                  ${s.map(i=>W`<claude-usage-gauge
                        data-key=${i.window.key}
                        .hass=${e}
                        .window=${i.window}
                        .reading=${i}
                        .thresholds=${t.thresholds}
                        .actions=${t.actions}
                        .asOf=${this._status.lastUpdate}
                        .color=${l.get(i.window.key)}
                        ?binding=${i.window.key===h}
                      ></claude-usage-gauge>`)}
                </div>`:F}
          ${"ok"===r&&o?W`<claude-usage-extra .hass=${e} .usage=${o}></claude-usage-extra>`:F}
          ${"ok"===r&&d?W`<claude-usage-credit .hass=${e} .credit=${d}></claude-usage-credit>`:F}
          ${"ok"===r&&t.showGraph&&s.length>0?W`<claude-usage-history
                  .hass=${e}
                  .readings=${s}
                  .range=${t.range}
                  .thresholds=${t.thresholds}
                ></claude-usage-history>`:F}
        </div>
      </ha-card>
    `}updated(){this._measureNames()}async _measureNames(){const e=this.renderRoot.querySelector("claude-usage-gauge");await(e?.updateComplete);const t=e?.shadowRoot?.querySelector(".name"),i=t&&(this._canvas??=document.createElement("canvas")).getContext("2d");if(!t||!i)return;const s=getComputedStyle(t),r=`${s.fontWeight} ${s.fontSize} ${s.fontFamily}`,n=this._account.windows.map(e=>e.name),a=`${r}|${n.join("|")}`;if(a===this._measured)return;this._measured=a,i.font=r;const o=Math.max(Mt,...n.map(e=>function(e,t){const i=e.split(/\s+/).filter(e=>""!==e).map((e,i)=>t(e)+(0===i?13:0));return Math.ceil(Math.max(0,...i))+4}(e,e=>i.measureText(e).width)));o!==this._nameWidth&&(this._nameWidth=o,this.requestUpdate()),"loading"===document.fonts?.status&&document.fonts.ready.then(()=>{this._measured===a&&(this._measured=void 0,this.requestUpdate())})}_renderMessage(e){switch(e){case"no_device":return W`<div class="status">${this._t("pick_account")}</div>`;case"device_not_found":return W`<div class="status warning">${this._t("account_not_found")}</div>`;default:return W`<div class="status">${this._t("no_data")}</div>`}}}class It{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,i){this._$Ct=e,this._$AM=t,this._$Ci=i}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}}function Ot(e){return void 0!==e&&"none"!==e.action}function Ut(e,t,i,s){e.dispatchEvent(new CustomEvent("hass-action",{detail:{config:{entity:t,...i},action:s},bubbles:!0,composed:!0}))}class Pt{constructor(e){this.element=e,this.options={},this.held=!1,this.cancelled=!1,this.start=()=>{this.cancelled=!1,this.held=!1,clearTimeout(this.holdTimer),this.options.hasHold&&(this.holdTimer=setTimeout(()=>{this.held=!0},500))},this.cancel=()=>{this.cancelled=!0,clearTimeout(this.holdTimer)},this.end=e=>{"touchend"===e.type&&this.cancelled||(e.cancelable&&e.preventDefault(),clearTimeout(this.holdTimer),this.options.hasHold&&this.held?(this.held=!1,this.fire("hold")):this.options.hasDoubleClick?void 0===this.doubleTapTimer?this.doubleTapTimer=setTimeout(()=>{this.doubleTapTimer=void 0,this.fire("tap")},250):(clearTimeout(this.doubleTapTimer),this.doubleTapTimer=void 0,this.fire("double_tap")):this.fire("tap"))},this.key=e=>{"Enter"!==e.key&&" "!==e.key||this.end(e)},e.addEventListener("touchstart",this.start,{passive:!0}),e.addEventListener("touchend",this.end),e.addEventListener("touchcancel",this.cancel),e.addEventListener("touchmove",this.cancel,{passive:!0}),e.addEventListener("mousedown",this.start,{passive:!0}),e.addEventListener("click",this.end),e.addEventListener("keydown",this.key),e.addEventListener("contextmenu",e=>e.preventDefault())}fire(e){this.element.dispatchEvent(new CustomEvent("action",{detail:{action:e}}))}}const Dt=/* @__PURE__ */new WeakMap,Rt=(Ht=class extends It{update(e,[t]){let i=Dt.get(e.element);return void 0===i&&(i=new Pt(e.element),Dt.set(e.element,i)),i.options=t,V}render(e){return V}},(...e)=>({_$litDirective$:Ht,values:e}));var Ht;function jt(e,t,i){const{entityId:s,title:r,value:n,share:a,stale:o}=i;return W`
    <div
      class="extra ${o?"stale":""}"
      role="button"
      tabindex="0"
      aria-label=${[r,n,null===a?void 0:Se(a,t)].filter(e=>void 0!==e).join(": ")}
      .actionHandler=${Rt({})}
      @action=${()=>Ut(e,s,{},"tap")}
    >
      <div class="extra-text">
        <span class="extra-title">${r}</span>
        <span class="extra-value">${n}</span>
      </div>
      ${null===a?F:W`<div class="bar" aria-hidden="true">
              <div style="width:${Math.min(100,Math.max(0,a))}%"></div>
            </div>`}
    </div>
  `}class Lt extends oe{static{this.properties={hass:{attribute:!1},usage:{attribute:!1}}}static{this.styles=Et}render(){const{hass:e,usage:t}=this;if(!e||!t)return F;const i=e.locale.language,s=Oe(t.used,t.unit,i);return jt(this,i,{entityId:t.entityId,title:Re(i,"extra_usage"),value:null===t.limit?s:Re(i,"extra_usage_of",{used:s,limit:Oe(t.limit,t.unit,i)}),share:t.utilization??(t.limit?t.used/t.limit*100:null),stale:t.stale})}}class qt extends oe{static{this.properties={hass:{attribute:!1},credit:{attribute:!1}}}static{this.styles=Et}render(){const{hass:e,credit:t}=this;if(!e||!t)return F;const i=e.locale.language,s=Oe(t.remaining,t.unit,i),r=null===t.limit?s:Re(i,"credit_left",{remaining:s,limit:Oe(t.limit,t.unit,i)}),n=t.expiresAt?Re(i,"credit_expires",{date:ze(t.expiresAt,e)}):void 0;return jt(this,i,{entityId:t.entityId,title:Re(i,"credit"),value:n?`${r} · ${n}`:r,share:t.limit?t.remaining/t.limit*100:null,stale:t.stale})}}const Wt={ok:0,warning:1,critical:2};const Bt={ok:"var(--success-color, #43a047)",warning:"var(--warning-color, #ffa600)",critical:"var(--error-color, #db4437)"},Vt={session:18e6,weekly:6048e5,weekly_scoped:6048e5};const Ft={ahead:"pace_ahead",behind:"pace_behind",on:"pace_on"},Kt=50,Zt=48,Gt=38,Jt=150,Yt=240;function Xt(e,t=Gt){const i=e*Math.PI/180,s=Kt+t*Math.cos(i),r=Zt+t*Math.sin(i);return`${Math.round(100*s)/100} ${Math.round(100*r)/100}`}function Qt(e){return Jt+Yt*Math.min(1,Math.max(0,e))}function ei(e){const t=Qt(e)-Jt,i=t>180?1:0;return`M${Xt(Jt)}A${Gt} ${Gt} 0 ${i} 1 ${Xt(Jt+t)}`}class ti extends oe{static{this.properties={hass:{attribute:!1},window:{attribute:!1},reading:{attribute:!1},thresholds:{attribute:!1},actions:{attribute:!1},asOf:{attribute:!1},color:{attribute:!1},binding:{type:Boolean},_now:{state:!0},_detail:{state:!0}}}static{this.styles=kt}constructor(){super(),this.actions={},this.binding=!1,this._now=Date.now(),this._detail=!1}connectedCallback(){super.connectedCallback(),this._now=Date.now(),this._scheduleTick()}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this._tickTimer),clearTimeout(this._detailTimer),this._tickTimer=void 0,this._detail=!1}updated(e){e.has("reading")&&this._scheduleTick()}_scheduleTick(){if(clearTimeout(this._tickTimer),!this.isConnected)return;const e=this.reading?.resetsAt,t=e?Math.min(6e4,(i=e.getTime()-Date.now())<=0?Number.POSITIVE_INFINITY:i%(i<be?ve:be)+1):6e4;var i;this._tickTimer=setTimeout(()=>{this._now=Date.now(),this._scheduleTick()},Math.max(250,t))}_t(e,t){return Re(this.hass?.locale.language,e,t)}_onAction(e){const t=e.detail.action;if("hold"===t&&void 0===this.actions.hold_action)return this._detail=!0,clearTimeout(this._detailTimer),void(this._detailTimer=setTimeout(()=>{this._detail=!1},3e3));Ut(this,this.window.usageEntityId,this.actions,t)}render(){const{hass:e,window:t,reading:i,thresholds:s}=this;if(!(e&&t&&i&&s))return F;const{resetsAt:r}=i,n=e.locale.language,a=vt(i,this._now),o=a?null:i.utilization,l=function(e,t,i){let s="ok";null!==e&&e>=t.critical?s="critical":null!==e&&e>=t.warning&&(s="warning");const r="critical"===i||"warning"===i?i:"ok";return Wt[r]>Wt[s]?r:s}(o,s,i.severity),d=null===o?"var(--disabled-text-color, #9e9e9e)":Bt[l],c=r?this._t("resets_at",{time:Me(r,e)}):void 0;let h;if(i.available)if(r){const e=r.getTime()-this._now;h=e>0?this._t("resets_in",{duration:Te(e,n)}):this._t("resetting")}else h=this._t("no_reset");else h=this._t("unavailable");const u=null===o?null:function(e,t,i){const s=Vt[e];if(void 0===s||null===t)return null;const r=t.getTime()-i;return r<=0?null:Math.min(1,Math.max(0,1-r/s))}(t.kind,r,this._now),p=null===u?void 0:this._t(Ft[function(e,t){const i=Math.round(e),s=Math.round(100*t);return i>s?"ahead":i<s?"behind":"on"}(o,u)]),_=this.binding&&!a,m=_?this._t("binding"):void 0,g=[c,p,m].filter(e=>void 0!==e).join(" · "),f=i.available&&""!==g&&this._detail,v=null===o?"—":Se(o,n),b=i.stale&&this.asOf?`, ${this._t("value_as_of",{time:Ne(this.asOf,e,this._now)})}`:"",y=[a?t.name:`${t.name}: ${v}${b}`,m,h,c,p].filter(e=>void 0!==e).join(". "),{tap_action:w,hold_action:$,double_tap_action:x}=this.actions;return W`
      <div
        class="gauge level-${null===o?"none":l} ${i.stale?"stale":""}"
        role="button"
        tabindex=${k=void 0===w||Ot(w)?"0":void 0,k??F}
        aria-label=${y}
        title=${g||h}
        .actionHandler=${Rt({hasHold:void 0===$||Ot($),hasDoubleClick:Ot(x)})}
        @action=${this._onAction}
      >
        <div class="face ${f?"showing-detail":""}">
          <svg viewBox="0 0 100 84" aria-hidden="true">
            <path class="track" d=${ei(1)}></path>
            ${null!==o&&o>0?B`<path class="value" style="stroke:${d}" d=${ei(o/100)}></path>`:F}
            ${null===u?F:B`<path class="pace" d=${function(e){const t=Qt(e);return`M${Xt(t,Gt-7)}L${Xt(t,Gt+7)}`}(u)}></path>`}
            ${_?B`<path class="binding" d=${"M86 3v15M86 3.5l10 3.75l-10 3.75z"}></path>`:F}
            <text class="percent" x="50" y="54">${v}</text>
          </svg>
          ${f?W`<div class="detail" aria-hidden="true">${g}</div>`:F}
        </div>
        <div class="name">
          <span class="swatch" style="background:${this.color}"></span>${t.name}
        </div>
        <div class="reset">${h}</div>
      </div>
    `;var k}}const ii={rate_limited:"problem_rate_limited",cloudflare_blocked:"problem_cloudflare_blocked",access_denied:"problem_access_denied",reauth_required:"problem_reauth_required",server_error:"problem_server_error",unreachable:"problem_unreachable",waiting_for_report:"problem_waiting_for_report",unavailable:"problem_unavailable"},si={cloudflare_blocked:"problem_cloudflare_blocked_detail",access_denied:"problem_access_denied_detail",reauth_required:"problem_reauth_required_detail",waiting_for_report:"problem_waiting_for_report_detail",unavailable:"problem_unavailable_detail"},ri={waiting_for_report:"problem_waiting_for_report_detail_user"},ni=/* @__PURE__ */new Set(["waiting_for_report"]);class ai extends oe{static{this.properties={hass:{attribute:!1},status:{attribute:!1},stale:{type:Boolean}}}static{this.styles=Ct}constructor(){super(),this.stale=!1}render(){const{hass:e,status:t}=this,i=t?.problem;if(!e||!t||!i)return F;const s=(t,i)=>Re(e.locale.language,t,i),r=Date.now(),n=e.user?.is_admin??!1,a=(n?void 0:ri[i])??si[i],o=n?function(e){return $t[e]}(i):void 0,l=ni.has(i),d=t.retryAt&&t.retryAt.getTime()>r?t.retryAt:null,c=d?Ne(d,e,r):void 0,h="rate_limited"===i&&c?s("problem_rate_limited_until",{time:c}):s(ii[i]);return W`
      <div class="banner ${l?"note":""}" role=${l?"status":"alert"}>
        <strong>${h}</strong>
        ${a?W`<span>${s(a)}</span>`:F}
        ${c&&"rate_limited"!==i?W`<span>${s("retry_at",{time:c})}</span>`:F}
        ${this.stale&&t.lastUpdate?W`<span class="as-of">
                ${s("values_as_of",{time:Ne(t.lastUpdate,e,r)})}
              </span>`:F}
        ${o?W`<button class="link" @click=${()=>{return e=o.path,window.history.pushState(null,"",e),void window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:!1},composed:!0}));var e}}>${s(o.label)}</button>`:F}
      </div>
    `}}function oi(e,t,i,s){return null!==t&&null!==s&&s-t>=36e5||(e-i>=10||null!==t&&null===s&&i<e)}function li(e,t){let i=0;for(;i<e.length&&e[i].t<t;)i+=1;if(0===i)return e;const s=e[i-1],r=e.slice(i);return r.length>0&&r[0].t===t?r:[{...s,t:t},...r]}function di(e,t,i){const s={...e};for(const[r,n]of Object.entries(t.states)){if(!n||0===n.length)continue;const e=n.filter(e=>"string"==typeof e.s&&Number.isFinite(e.lu)).map(e=>({t:Math.round(1e3*e.lu),s:e.s})).sort((e,t)=>e.t-t.t);if(0===e.length)continue;const t=e[0].t,i=(s[r]??[]).filter(e=>e.t<t);s[r]=[...i,...e]}for(const r of Object.keys(s))s[r]=li(s[r],i);return s}function ci(e){return"number"==typeof e?e:Date.parse(e)}function hi(e,t){let i=null;for(const s of e){if(s.t>t)break;i=s.v}return i}const ui=e=>e.t+5e3,pi=e=>e.end;function _i(e){const t=Date.parse(e.s);return Number.isNaN(t)?null:t}function mi(e,t,i){const s=t.filter(e=>"unavailable"!==e.s),r=[];let n,a=0,o=null;for(const l of e){for(;a<s.length&&s[a].t<=i(l);)o=_i(s[a]),a+=1;null!==l.v&&(void 0!==n&&oi(n.utilization,n.resetsAt,l.v,o)&&r.push(l.t),n={utilization:l.v,resetsAt:o})}return r.filter((e,t)=>0===t||e-r[t-1]>6e5)}function gi(e,t,i,s){if(s<1||i<=t||e.length<=4*s)return e;const r=(i-t)/s,n=e=>Math.min(s-1,Math.max(0,Math.floor((e-t)/r))),a=[];let o=0;for(;o<e.length;){const t=n(e[o].t),i=o;let s=-1,r=-1,l=-1;for(;o<e.length&&n(e[o].t)===t;){const t=e[o].v;null===t?l=l<0?o:l:((s<0||t<e[s].v)&&(s=o),(r<0||t>e[r].v)&&(r=o)),o+=1}const d=new Set([i,s,r,l,o-1].filter(e=>e>=0));for(const n of[...d].sort((e,t)=>e-t))a.push(e[n])}return a}const fi=6e4,vi=36e5,bi=24*vi,yi=[...[1,2,5,10,15,30].map(e=>e*fi),...[1,2,3,6,12].map(e=>e*vi),...[1,2,7].map(e=>e*bi)];function wi(e){return Math.round(10*e)/10}function $i(e,t,i){const s=Math.max(1,i-t);return{x:i=>wi(e.left+(i-t)/s*(e.right-e.left)),y:t=>wi(e.bottom-Math.min(100,Math.max(0,t))/100*(e.bottom-e.top)),t:i=>t+(Math.min(e.right,Math.max(e.left,i))-e.left)/Math.max(1,e.right-e.left)*s}}function xi(e,t,i,s){const{x:r}=$i(i,e,t),n=i.right-i.left,a=yi.find(i=>i/Math.max(1,t-e)*n>=56)??yi[yi.length-1],o=e=>e-s(e-s(e)),l=[];for(let d=Math.ceil((e+s(e))/a)*a;;d+=a){const n=o(d);if(n>t)break;const a=l[l.length-1];n>=e&&(void 0===a||n>a.t)&&r(n)<=i.width-22&&l.push({x:r(n),t:n,day:(n+s(n))%bi===0})}return l}function ki(e,t,i,s){const{x:r,y:n}=$i(s,t,i),a=[],o=[];let l,d;const c=e=>{a.push(`H${e}`),e-l.x<2&&l.high-l.low<2&&o.push({x:l.x,y:l.y}),l=void 0};for(const h of e){if(h.t>i)break;const e=r(Math.max(t,h.t));if(null===h.v){l&&void 0===d&&(d=e);continue}const s=n(h.v);l&&void 0!==d&&e-d>=2&&c(d),d=void 0,l?(a.push(`H${e}V${s}`),l.low=Math.min(l.low,s),l.high=Math.max(l.high,s)):(a.push(`M${e} ${s}`),l={x:e,y:s,low:s,high:s})}return l&&c(d??r(i)),{d:a.join(""),dots:o}}const Ai=36e5;class Ei extends oe{constructor(){super(),this._graphWidth=new St(this,".graph"),this._generation=0,this._statisticsAt=0,this._onPointerElsewhere=e=>{const t=this.renderRoot.querySelector(".chart");!this._hover||t&&e.composedPath().includes(t)||(this._hover=void 0)},this.readings=[],this.range="24h",this._now=Date.now(),this._history={},this._statistics={},this._status="idle"}static{this.properties={hass:{attribute:!1},readings:{attribute:!1},range:{attribute:!1},thresholds:{attribute:!1},_now:{state:!0},_history:{state:!0},_statistics:{state:!0},_status:{state:!0},_hover:{state:!0}}}static{this.styles=At}connectedCallback(){super.connectedCallback(),clearTimeout(this._stopTimer),this._now=Date.now(),this._scheduleTick(),document.addEventListener("pointerdown",this._onPointerElsewhere,!0),this.requestUpdate()}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this._tickTimer),this._tickTimer=void 0,document.removeEventListener("pointerdown",this._onPointerElsewhere,!0),this._stopTimer=setTimeout(()=>this._stop(),0)}willUpdate(){this._sync()}_t(e,t){return Re(this.hass?.locale.language,e,t)}_scheduleTick(){clearTimeout(this._tickTimer),this._tickTimer=setTimeout(()=>{this._now=Date.now(),this.hass&&"7d"===this.range&&void 0!==this._key&&this._now-this._statisticsAt>=3e5&&this._fetchWeek(this.hass,this._generation),this._scheduleTick()},6e4)}_usageIds(){return this.readings.map(e=>e.window.usageEntityId)}_resetIds(){return this.readings.flatMap(e=>e.window.resetEntityId?[e.window.resetEntityId]:[])}_stop(){this._generation+=1,this._key=void 0;const e=this._subscription;this._subscription=void 0,e?.then(e=>e()).catch(()=>{})}_sync(){const e=this.hass;if(!this.isConnected||!e||0===this.readings.length)return void(void 0!==this._key&&this._stop());const t=this._usageIds(),i=this._resetIds(),s=this.range,r=`${s}|${t.join(",")}|${i.join(",")}`;if(r===this._key)return;this._stop(),this._key=r;const n=this._generation;if(this._history={},this._statistics={},this._status="loading","7d"===s)return void this._fetchWeek(e,n);const a=ce[s];this._subscription=e.connection.subscribeMessage(e=>{n===this._generation&&(this._history=di(this._history,e,Date.now()-a*Ai),this._status="ready")},{type:"history/stream",entity_ids:[...t,...i],start_time:new Date(Date.now()-a*Ai).toISOString(),minimal_response:!0,no_attributes:!0,significant_changes_only:!0}),this._subscription.catch(()=>{n===this._generation&&(this._status="error")})}_fetchWeek(e,t){const i=Date.now();this._statisticsAt=i;const s=i-ce["7d"]*Ai,r=new Date(s-s%Ai).toISOString(),n=i-864e5,a=new Date(n-n%Ai).toISOString(),o=(t,i,s)=>e.callWS({type:"recorder/statistics_during_period",start_time:i,...void 0===s?{}:{end_time:s},statistic_ids:this._usageIds(),period:t,types:["mean"]});Promise.all([o("hour",r,a),o("5minute",a)]).then(e=>{t===this._generation&&(this._statistics=function(...e){const t={};for(const i of e)for(const[e,s]of Object.entries(i)){const i=(s??[]).map(e=>{const t=ci(e.start);return{t:t,end:void 0===e.end?t:ci(e.end),v:"number"==typeof e.mean&&Number.isFinite(e.mean)?e.mean:null}}).filter(e=>Number.isFinite(e.t));t[e]=[...t[e]??[],...i].sort((e,t)=>e.t-t.t)}for(const[i,s]of Object.entries(t))t[i]=s.flatMap((e,t)=>{const i=s[t+1];return void 0!==i&&i.t>e.end&&e.end>e.t?[e,{t:e.end,end:e.end,v:null}]:[e]});return t}(...e),this._status="ready")},()=>{t===this._generation&&"loading"===this._status&&(this._status="error")}),e.callWS({type:"history/history_during_period",start_time:r,entity_ids:this._resetIds(),minimal_response:!0,no_attributes:!0,significant_changes_only:!0}).then(e=>{t===this._generation&&(this._history=di({},{states:e},Date.parse(r)))},()=>{})}_setRange(e){this.range=e,this._hover=void 0}_onPointerLeave(e){"touch"!==e.pointerType&&(this._hover=void 0)}_onPointer(e,t,i,s){const r=e.currentTarget.getBoundingClientRect(),n=r.width>0?t.layout.width/r.width:1,a=(e.clientX-r.left)*n,{layout:o}=t,l=Math.min(o.right,Math.max(o.left,a));this._hover={x:l,t:$i(o,i,s).t(l)}}_series(e,t){const i=Ge(this.readings.map(e=>e.window.key));return this.readings.map(s=>{const{window:r}=s,n=r.resetEntityId&&this._history[r.resetEntityId]||[];let a,o;if("7d"===this.range){const e=[...this._statistics[r.usageEntityId]??[]],i=e[e.length-1];null===s.utilization||s.stale?void 0!==i&&e.push({t:i.end,end:i.end,v:null}):e.push({t:t,end:t,v:s.utilization}),o=mi(e,n,pi),a=e}else a=li(this._history[r.usageEntityId]??[],e).map(({t:e,s:t})=>{const i=""===t.trim()?Number.NaN:Number(t);return{t:e,v:Number.isFinite(i)?i:null}}),o=mi(a,n,ui);return vt(s,t)&&(a=function(e,t){return[...e.filter(e=>e.t<t),{t:t,v:null}]}(a,s.resetsAt.getTime())),{key:r.key,name:r.name,color:i.get(r.key),points:a,resets:o}})}render(){const e=this.hass;if(!e||!this.thresholds)return F;const t=e.locale.language,i=this._now,s=i-ce[this.range]*Ai,r=this._series(s,i),n=function(e,t,i){const s=Math.min(...e.flatMap(e=>e.length?[e[0].t]:[]));return!Number.isFinite(s)||s<=t?t:Math.max(t,Math.min(s,i-6e5))}(r.map(e=>e.points),s,i),a=r.some(e=>e.points.some(e=>null!==e.v));return W`
      <div class="history-header">
        <span class="history-title">${this._t("history")}</span>
        <div class="ranges" role="group" aria-label=${this._t("range")}>
          ${de.map(e=>W`<button
                class="range"
                aria-pressed=${e===this.range?"true":"false"}
                data-range=${e}
                @click=${()=>this._setRange(e)}
              >
                ${Ie(ce[e],t)}
              </button>`)}
        </div>
      </div>
      <div class="graph">
        ${"error"===this._status?W`<div class="graph-message">${this._t("history_unavailable")}</div>`:"loading"===this._status?W`<div class="graph-message">${this._t("loading")}</div>`:a?this._renderGraph(r,n,i):W`<div class="graph-message">${this._t("no_history")}</div>`}
      </div>
      <div class="legend">
        ${r.map(e=>W`<span class="legend-item"
              ><span class="swatch" style="background:${e.color}"></span>${e.name}</span
            >`)}
      </div>
    `}_graphLabel(e,t){const i=this.hass.locale.language,s=e.map(e=>{const s=hi(e.points,t);return`${e.name} ${null===s?this._t("no_value"):Se(s,i)}`});return this._t("history_label",{range:Ie(ce[this.range],i,"long"),values:Ue(s,i)})}_renderGraph(e,t,i){const s=this.hass,r=s.locale.language,n=this._graphWidth.width??300,a=function(e,t,i,s,r,n){const a=function(e){return{width:e,height:132,left:34,right:e-6,top:8,bottom:112}}(s),{x:o,y:l}=$i(a,t,i),d=Math.max(1,Math.floor(a.right-a.left)),c=e.map(e=>({item:e,...ki(gi(e.points,t,i,d),t,i,a)}));return{layout:a,lines:c.map(({item:e,d:t})=>({key:e.key,color:e.color,d:t})),dots:c.flatMap(({item:e,dots:t})=>t.map(t=>({key:e.key,color:e.color,...t}))),markers:e.flatMap(e=>e.resets.filter(e=>e>t&&e<=i).map(t=>({key:e.key,color:e.color,x:o(t),t:t}))),thresholds:[{level:"warning",y:l(r.warning)},{level:"critical",y:l(r.critical)}],xTicks:xi(t,i,a,n),yTicks:[0,50,100].map(e=>({y:l(e),value:e}))}}(e,t,i,n,this.thresholds,e=>function(e,t){const i=ke("en-US",{year:"numeric",month:"numeric",day:"numeric",hour:"numeric",minute:"numeric",second:"numeric",hourCycle:"h23",timeZone:Ee(t)}).formatToParts(e),s=e=>Number(i.find(t=>t.type===e).value);return Date.UTC(s("year"),s("month")-1,s("day"),s("hour"),s("minute"),s("second"))-(e-(e%ve+ve)%ve)}(e,s)),{layout:o}=a,l=this._hover,d=l?a.markers.find(e=>Math.abs(e.x-l.x)<=4):void 0,c=e=>this._onPointer(e,a,t,i);return W`
      <svg
        class="chart"
        viewBox="0 0 ${o.width} ${o.height}"
        width=${o.width}
        height=${o.height}
        role="img"
        aria-label=${this._graphLabel(e,i)}
        @pointermove=${c}
        @pointerdown=${c}
        @pointerleave=${this._onPointerLeave}
        @pointercancel=${()=>{this._hover=void 0}}
      >
        ${a.yTicks.map(e=>B`<line class="grid" x1=${o.left} x2=${o.right} y1=${e.y} y2=${e.y}></line>
            <text class="axis" x=${o.left-4} y=${e.y+3} text-anchor="end">${Se(e.value,r)}</text>`)}
        ${a.thresholds.map(e=>B`<line class="threshold ${e.level}" x1=${o.left} x2=${o.right} y1=${e.y} y2=${e.y}></line>`)}
        ${a.xTicks.map(e=>B`<line class="tick" x1=${e.x} x2=${e.x} y1=${o.bottom} y2=${o.bottom+3}></line>
            <text class="axis" x=${e.x} y=${o.height-4} text-anchor="middle"
              >${e.day?function(e,t){return ke(t.locale.language,{month:"short",day:"numeric",timeZone:Ee(t)}).format(e)}(new Date(e.t),s):function(e,t){return ke(t.locale.language,{hour:"numeric",minute:"2-digit",hourCycle:Ce(t),timeZone:Ee(t)}).format(e)}(new Date(e.t),s)}</text
            >`)}
        ${a.lines.map(e=>B`<path class="line" data-key=${e.key} style="stroke:${e.color}" d=${e.d}></path>`)}
        ${a.dots.map(e=>B`<circle class="dot" data-key=${e.key} cx=${e.x} cy=${e.y} r="2.5" style="fill:${e.color}"></circle>`)}
        ${a.markers.map(e=>B`<g class="reset-marker" data-key=${e.key}>
              <line x1=${e.x} x2=${e.x} y1=${o.top} y2=${o.bottom} style="stroke:${e.color}"></line>
              <circle cx=${e.x} cy=${o.bottom} r="3" style="fill:${e.color}"></circle>
              <title>${this._t("reset_marker")} · ${Me(new Date(e.t),s)}</title>
            </g>`)}
        ${l?B`<line class="cursor" x1=${l.x} x2=${l.x} y1=${o.top} y2=${o.bottom}></line>`:F}
      </svg>
      ${l?W`<div
              class="tooltip"
              style="--x:${Math.round(l.x/o.width*100)}%"
              data-align=${l.x>o.width/2?"end":"start"}
            >
              <div class="tooltip-time">${Me(new Date(l.t),s)}</div>
              ${e.map(e=>{const t=hi(e.points,l.t);return W`<div class="tooltip-row">
                  <span class="swatch" style="background:${e.color}"></span>${e.name}:
                  <strong>${null===t?"—":Se(t,r)}</strong>
                </div>`})}
              ${d?W`<div class="tooltip-row">${this._t("reset_marker")}</div>`:F}
            </div>`:F}
    `}}function Ci(e,t){const i=e.entities[t];return i?.platform===He&&i.device_id?{config:{type:`custom:${Tt}`,device_id:i.device_id}}:null}function Si(e,t=document){null===t.querySelector("home-assistant")||window.customElements.get("home-assistant")?e():window.customElements.whenDefined("home-assistant").then(e)}Si(()=>{customElements.get(Tt)||(customElements.define("claude-usage-gauge",ti),customElements.define("claude-usage-history",Ei),customElements.define("claude-usage-extra",Lt),customElements.define("claude-usage-credit",qt),customElements.define("claude-usage-status",ai),customElements.define(je,Ve),customElements.define(Tt,Nt),window.customCards=window.customCards??[],window.customCards.push({type:Tt,name:"Claude Usage",description:Re(document.documentElement.lang||navigator.language,"card_description"),preview:!0,documentationURL:"https://github.com/claude-usage-ha/claude-usage-ha",getEntitySuggestion:Ci}))});export{Si as defineWhenAppReady,Ci as entitySuggestion};
