'use strict';
// The demo page's whole logic: the session cookies travel by themselves (same origin); the page
// only adds the CSRF token to unsafe requests and refreshes once when a call says the access
// token expired.
(function () {
  const SESSION = '/api/v3/auth/session';
  const $ = (id) => document.getElementById(id);
  let csrf = null;

  function csrfCookie() {
    const m = document.cookie.match(/(?:^|;\s*)(?:__Host-)?admin-auth-csrf=([A-Za-z0-9_-]+)/);
    return m ? m[1] : null;
  }

  async function refresh() {
    const token = csrf || csrfCookie();
    if (!token) return false;
    const r = await fetch(SESSION + '/refresh', {
      method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': token } });
    if (!r.ok) return false;
    csrf = (await r.json()).csrf_token;
    return true;
  }

  // One call; on 401 AUTH_TOKEN_EXPIRED, refresh and retry once.
  async function call(method, path, json, retried) {
    const headers = {};
    if (method !== 'GET') headers['X-CSRF-Token'] = csrf || csrfCookie() || '';
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(path, { method, credentials: 'same-origin', headers,
      body: json === undefined ? undefined : JSON.stringify(json) });
    if (r.status === 401 && !retried) {
      const error = await r.clone().json().catch(() => ({}));
      if (error.code === 'AUTH_TOKEN_EXPIRED' && await refresh()) {
        return call(method, path, json, true);
      }
    }
    return r;
  }

  async function show() {
    const r = await call('GET', SESSION);
    const signedIn = r.ok;
    if (signedIn) csrf = (await r.clone().json()).csrf_token;
    $('status').textContent = signedIn ? 'Signed in.' : 'Not signed in.';
    $('sign-in').hidden = signedIn;
    $('create-user').disabled = !signedIn;
    $('sign-out').disabled = !signedIn;
    if (!signedIn) {
      // Not asked: the 401 of an API path challenges Basic too on this server, and a browser
      // answers such a challenge to a fetch with its own login dialog.
      $('me').textContent = '(not signed in)';
      return;
    }
    const me = await call('GET', '/api/v3/me');
    $('me').textContent = me.status + ' ' + await me.text();
  }

  $('create-user').addEventListener('click', async () => {
    const r = await call('POST', '/api/v3/users', { name: 'Demo ' + Date.now() });
    $('result').textContent = 'POST /api/v3/users: ' + r.status + ' ' + await r.text();
  });

  $('sign-out').addEventListener('click', async () => {
    const r = await call('POST', SESSION + '/logout');
    $('result').textContent = 'sign out: ' + r.status;
    csrf = null;
    await show();
  });

  show();
})();
