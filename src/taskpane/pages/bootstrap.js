/* CCHC task pane bootstrap. ES5 only: it must run in Internet Explorer 11 (Excel 2016/2019).
 *
 * Which pane: an engine that cannot run the React pane (IE11: no Promise or fetch, or one that
 * cannot parse the ES2017 the pane is built to) gets the light pane (lightpane.js); any other
 * (Edge Legacy, WebView2, Safari, Chromium) the React pane (taskpane.js).
 *
 * Inside Office (Office opened this page with its `_host_Info` query) the React pane starts at once
 * and waits for office.js itself, however long it takes ("Đang tải Office…"); the light pane is
 * loaded once office.js has arrived. Outside Office office.js gets a few seconds (a closed network
 * must not leave the page blank), then the pane runs in browser mode.
 *
 * A pane script that fails to parse or throws while it loads does not fire its script element's
 * onerror: this file listens to the window's 'error' event (for our own scripts) from before it
 * loads taskpane.js, and checks on the script's load that the bundle said it started
 * (window.__cchcPane); until the pane has rendered ('ready'), either failure puts the light pane
 * in its place with a message. The pane reports a failure of its own through __cchcFallBack. */
(function () {
  var w = window;
  var d = document;
  var OFFICE_WAIT_MS = 5000;
  var SLOW_MS = 15000;
  var scripts = d.getElementsByTagName('script');
  var me = d.currentScript || scripts[scripts.length - 1];
  var base = me && me.src ? me.src.replace(/[^\/]*(\?.*)?$/, '') : '';

  function storedHostInfo() {
    try {
      return !!(w.sessionStorage && w.sessionStorage.getItem('hostInfoValue'));
    } catch (e) {
      return false;
    }
  }
  var inOffice = /[?&]_host_info=/i.test(w.location.search || '') || storedHostInfo();

  /* The React pane is ES2017 (async functions, classes, let/const, destructuring, template literals). */
  function parsesPane() {
    try {
      new Function('"use strict"; class A {}; const f = async () => { await 0; }; let { a } = { a: 1 }; for (const x of []) {} return `${a}`;');
      return true;
    } catch (e) {
      // A content security policy forbidding eval says nothing about the syntax.
      return !(e instanceof SyntaxError);
    }
  }
  var old = !!d.documentMode || typeof w.Promise === 'undefined' || typeof w.fetch === 'undefined' || !parsesPane();

  function container() {
    return d.getElementById('container') || d.body;
  }

  /* A message above the pane's container (the light pane empties the container when it mounts). */
  function say(vi, en, id) {
    var p = (id && d.getElementById(id)) || d.createElement('p');
    if (id) p.id = id;
    p.setAttribute('role', 'alert');
    p.style.margin = '16px';
    p.innerHTML = '';
    p.appendChild(d.createTextNode(vi + ' / ' + en));
    var c = d.getElementById('container');
    if (!p.parentNode) {
      if (c && c.parentNode) c.parentNode.insertBefore(p, c);
      else d.body.appendChild(p);
    }
    return p;
  }

  function load(file, onError, onLoad) {
    var s = d.createElement('script');
    s.src = base + file;
    s.onerror = onError;
    if (onLoad) s.onload = onLoad;
    d.body.appendChild(s);
  }

  /* Calls then() once office.js is there; inside Office with no time limit, saying so while it waits. */
  function whenOffice(then) {
    var waited = 0;
    var told = false;
    var explained = false;
    function poll() {
      if (w.Office && typeof w.Office.onReady === 'function') {
        var wait = d.getElementById('cchc-office-wait');
        if (wait && wait.parentNode) wait.parentNode.removeChild(wait);
        then();
        return;
      }
      if (!inOffice && (w.__cchcOfficeJs !== 'loading' || waited >= OFFICE_WAIT_MS)) {
        say(
          'Trang này không mở trong Excel, nên bản rút gọn của CCHC không chạy được. Hãy mở trang standalone.html trên một trình duyệt mới.',
          'This page is not open in Excel, so the CCHC light pane cannot run. Open standalone.html in an up-to-date browser.'
        );
        return;
      }
      if (inOffice && !told) {
        told = true;
        say('Đang tải Office…', 'Loading Office…', 'cchc-office-wait');
      }
      if (inOffice && !explained && (waited >= SLOW_MS || w.__cchcOfficeJs === 'failed')) {
        explained = true;
        var p = say(
          'Office chưa tải xong: có thể mạng chậm hoặc mạng của cơ quan chặn địa chỉ appsforoffice.microsoft.com. Hãy kiểm tra kết nối Internet rồi mở lại ngăn CCHC.',
          'Office has not loaded: the network may be slow, or your office network may block appsforoffice.microsoft.com. Check the Internet connection, then open the CCHC pane again.',
          'cchc-office-wait'
        );
        var b = d.createElement('button');
        b.appendChild(d.createTextNode('Thử lại / Try again'));
        b.onclick = function () {
          w.location.reload();
        };
        p.appendChild(d.createTextNode(' '));
        p.appendChild(b);
      }
      waited += 100;
      setTimeout(poll, 100);
    }
    poll();
  }

  var light = false;
  function startLight() {
    if (light) return;
    light = true;
    whenOffice(function () {
      load('lightpane.js', function () {
        say('Excel này dùng trình duyệt cũ và không tải được bản rút gọn của CCHC.', 'This Excel uses an old browser engine and the CCHC light pane could not be loaded.');
      });
    });
  }

  /* The React pane failed before it rendered: the light pane instead, and why. */
  function fallBack() {
    if (w.__cchcPane === 'ready' || w.__cchcPane === 'failed') return;
    w.__cchcPane = 'failed';
    try {
      if (typeof w.__cchcUnmount === 'function') w.__cchcUnmount();
    } catch (e) {
      // whatever the pane had drawn goes with the container's children below
    }
    var c = container();
    while (c.firstChild) c.removeChild(c.firstChild);
    say(
      'Ngăn đầy đủ của CCHC không chạy được trên trình duyệt mà Excel này dùng, nên đây là bản rút gọn.',
      'The full CCHC pane could not run in the browser engine this Excel uses, so this is the light pane.',
      'cchc-fallback'
    );
    startLight();
  }
  w.__cchcFallBack = fallBack;

  function onScriptError(ev) {
    if (w.__cchcPane === 'ready' || w.__cchcPane === 'failed') return;
    var file = (ev && ev.filename) || '';
    // Only our own scripts: office.js and others report their own errors (cross-origin ones with no file).
    if (!file || (base && file.indexOf(base) !== 0)) return;
    fallBack();
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    if (old) {
      startLight();
      return;
    }
    if (w.addEventListener) w.addEventListener('error', onScriptError);
    load(
      'taskpane.js',
      function () {
        say('Không tải được ngăn CCHC (taskpane.js).', 'The CCHC pane (taskpane.js) could not be loaded.');
      },
      function () {
        // Loaded and run: a bundle that did not parse, or threw before its entry ran, never said so.
        if (!w.__cchcPane) fallBack();
      }
    );
  }

  if (inOffice && !old) {
    start();
    return;
  }
  var waited = 0;
  function poll() {
    if (inOffice || w.__cchcOfficeJs !== 'loading' || waited >= OFFICE_WAIT_MS) {
      start();
      return;
    }
    waited += 50;
    setTimeout(poll, 50);
  }
  poll();
})();
