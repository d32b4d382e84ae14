/**
 * What the light pane needs in Internet Explorer 11 and IE11 lacks (as src/commands/polyfills.ts for
 * the ribbon: each ES5 bundle brings its own): Promise (Excel.run and the use cases' chains use it).
 */
import 'core-js/modules/es.promise';
import 'core-js/modules/es.object.assign';
import 'core-js/modules/es.array.find';
