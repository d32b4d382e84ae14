/* CCHC task pane bootstrap. ES5 only: it must run in Internet Explorer 11 (Excel 2016/2019).
 * Waits until office.js has loaded or failed (at most a few seconds: a closed network must not
 * leave the pane blank), then loads the React pane (taskpane.js) in a modern engine, or the light
 * pane (lightpane.js) in an old one. */
(function () {
  var w = window;
  var d = document;
  var OFFICE_WAIT_MS = 5000;
  var scripts = d.getElementsByTagName('script');
  var me = d.currentScript || scripts[scripts.length - 1];
  var base = me && me.src ? me.src.replace(/[^\/]*(\?.*)?$/, '') : '';
  var old = !!d.documentMode || typeof w.Promise === 'undefined' || typeof w.fetch === 'undefined';

  function say(vi, en) {
    var p = d.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.margin = '16px';
    p.appendChild(d.createTextNode(vi + ' / ' + en));
    (d.getElementById('container') || d.body).appendChild(p);
  }

  function load(file, onError) {
    var s = d.createElement('script');
    s.src = base + file;
    s.onerror = onError;
    d.body.appendChild(s);
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    if (old) {
      load('lightpane.js', function () {
        say('Excel này dùng trình duyệt cũ và không tải được bản rút gọn của CCHC.', 'This Excel uses an old browser engine and the CCHC light pane could not be loaded.');
      });
    } else {
      load('taskpane.js', function () {
        say('Không tải được ngăn CCHC (taskpane.js).', 'The CCHC pane (taskpane.js) could not be loaded.');
      });
    }
  }

  var waited = 0;
  function poll() {
    if (w.__cchcOfficeJs !== 'loading' || waited >= OFFICE_WAIT_MS) {
      start();
      return;
    }
    waited += 50;
    setTimeout(poll, 50);
  }
  poll();
})();
