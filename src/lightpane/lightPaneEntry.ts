import './polyfills';
import { langFromLocale } from '../core/messages';
import { mountLightPane } from './lightPane';

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const Office: any;

/** Entry of lightpane.js: the IE11 task pane, mounted into taskpane.html's #container once Office is ready. */
Office.onReady(function () {
  const app = document.getElementById('container') || document.getElementById('app') || document.body;
  mountLightPane(app, { lang: langFromLocale(Office.context ? Office.context.displayLanguage : '') });
});
