/**
 * What the ES5 commands bundle needs in Internet Explorer 11 and IE11 lacks: Promise (Excel.run and
 * the down-levelled async functions use it). The core and the gateway use ES5 built-ins only.
 */
import 'core-js/modules/es.promise';
import 'core-js/modules/es.object.assign';
import 'core-js/modules/es.array.find';
