import './polyfills';
import { mountLightPane } from './lightPane';

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const Office: any;

/** Entry of lightpane.js: the IE11 task pane, mounted into #app once Office is ready. */
Office.onReady(function () {
  const app = document.getElementById('app');
  if (app) mountLightPane(app);
});
