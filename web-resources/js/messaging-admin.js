/*
 * The messaging plugin's admin pages: settings (with test buttons and webhook URLs) and health
 * (figures, failed messages with "Send again", replies without a conversation). Plain browser
 * JavaScript, no build step; talks to the plugin's REST API through window.AtsMessaging.api;
 * every value is shown with textContent, never as markup.
 */
(function () {
  'use strict';

  var api = window.AtsMessaging.api;
  var el = window.AtsMessaging.el;

  function textsOf(root) {
    var texts = JSON.parse(root.getAttribute('data-texts') || '{}');
    return function t(key) {
      var text = texts[key] || key;
      for (var i = 1; i < arguments.length; i++) text = text.split('{' + (i - 1) + '}').join(String(arguments[i]));
      return text;
    };
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString(document.documentElement.lang || undefined) : null;
  }

  function errorText(error) {
    return (error && error.message) || (error && error.code) || String(error);
  }

  // ---- Settings -------------------------------------------------------------------------------

  function initSettings(root) {
    var t = textsOf(root);
    var form = root.querySelector('[data-messaging="settings-form"]');
    var status = root.querySelector('[data-messaging="settings-status"]');
    var save = root.querySelector('[data-messaging="settings-save"]');
    var inputs = Array.prototype.slice.call(form.querySelectorAll('[data-setting]'));
    var hostBaseUrl = root.getAttribute('data-host-base-url');
    var loaded = null;

    function show(view) {
      loaded = view;
      inputs.forEach(function (input) {
        var key = input.getAttribute('data-setting');
        if (input.getAttribute('data-secret') === 'true') {
          var set = !!view.secrets[key];
          input.value = '';
          input.placeholder = set ? t('settings.secret.set') : t('settings.secret.notSet');
          root.querySelector('[data-secret-state="' + key + '"]').textContent =
            set ? t('settings.secret.set') : t('settings.secret.notSet');
          var clear = root.querySelector('[data-secret-clear="' + key + '"]');
          clear.checked = false;
          clear.parentNode.hidden = !set;
        } else {
          input.value = view.settings[key] == null ? '' : view.settings[key];
        }
      });
      showWebhooks(view.settings['public.base.url'] || hostBaseUrl);
    }

    function showWebhooks(base) {
      root.querySelectorAll('[data-webhook-url]').forEach(function (code) {
        code.textContent = base.replace(/\/+$/, '') + code.getAttribute('data-webhook-url');
      });
    }

    function clearErrors() {
      root.querySelectorAll('[data-field-error]').forEach(function (p) { p.hidden = true; p.textContent = ''; });
      inputs.forEach(function (input) { input.removeAttribute('aria-invalid'); });
    }

    function showErrors(fields) {
      Object.keys(fields).forEach(function (key) {
        var message = root.querySelector('[data-field-error="' + key + '"]');
        if (message) {
          message.textContent = fields[key];
          message.hidden = false;
        }
        var input = form.querySelector('[data-setting="' + key + '"]');
        if (input) input.setAttribute('aria-invalid', 'true');
      });
      // The first wrong field in the form's order gets the focus, whatever order the answer lists them in.
      var first = inputs.filter(function (input) { return input.getAttribute('aria-invalid') === 'true'; })[0];
      if (first) first.focus();
    }

    // Only what the admin changed is sent: untouched fields keep the host's configuration, and
    // a secret is sent only when typed (or removed on purpose).
    function changes() {
      var changed = {};
      inputs.forEach(function (input) {
        var key = input.getAttribute('data-setting');
        if (input.getAttribute('data-secret') === 'true') {
          if (input.value !== '') changed[key] = input.value;
          else if (root.querySelector('[data-secret-clear="' + key + '"]').checked) changed[key] = '';
        } else {
          var before = loaded.settings[key] == null ? '' : String(loaded.settings[key]);
          if (input.value.trim() !== before) changed[key] = input.value.trim();
        }
      });
      return changed;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!loaded) return;
      clearErrors();
      var changed = changes();
      if (Object.keys(changed).length === 0) {
        status.textContent = t('settings.unchanged');
        return;
      }
      save.disabled = true;
      status.textContent = t('settings.saving');
      api('/admin/settings', { method: 'PUT', body: { settings: changed } }).then(function (view) {
        show(view);
        status.textContent = t('settings.saved');
      }).catch(function (error) {
        if (error && error.fields) {
          showErrors(error.fields);
          status.textContent = t('settings.invalid');
        } else {
          status.textContent = errorText(error);
        }
      }).then(function () { save.disabled = false; });
    });

    root.querySelectorAll('[data-copy-webhook]').forEach(function (button) {
      button.addEventListener('click', function () {
        var code = root.querySelector('[data-webhook-url="' + button.getAttribute('data-copy-webhook') + '"]');
        var url = code.textContent;
        var copyStatus = root.querySelector('[data-messaging="copy-status"]');
        var copied = navigator.clipboard ? navigator.clipboard.writeText(url) : Promise.reject(new Error('no clipboard'));
        copied.then(function () { copyStatus.textContent = t('webhooks.copied', url); })
          .catch(function () {
            // No clipboard access (older browser, no permission): select it so Ctrl+C copies it.
            var range = document.createRange();
            range.selectNodeContents(code);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
            copyStatus.textContent = t('webhooks.copyFailed', url);
          });
      });
    });

    initTest(root, t, 'email');
    initTest(root, t, 'sms');

    status.textContent = t('settings.loading');
    api('/admin/settings').then(function (view) {
      show(view);
      status.textContent = '';
    }).catch(function (error) { status.textContent = t('settings.loadFailed', errorText(error)); });
  }

  function initTest(root, t, channel) {
    var form = root.querySelector('[data-messaging="test-' + channel + '-form"]');
    var to = root.querySelector('[data-messaging="test-' + channel + '-to"]');
    var button = root.querySelector('[data-messaging="test-' + channel + '"]');
    var result = root.querySelector('[data-messaging="test-' + channel + '-result"]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      button.disabled = true;
      result.className = 'messaging-admin__result';
      result.textContent = t('tests.sending');
      api('/admin/settings/test-' + channel, { method: 'POST', body: { to: to.value } }).then(function (outcome) {
        result.setAttribute('data-ok', String(outcome.ok));
        result.className += outcome.ok ? ' messaging-admin__result--ok' : ' messaging-admin__result--failed';
        result.textContent = outcome.ok ? outcome.message : t('tests.failed', outcome.code, outcome.message);
      }).catch(function (error) {
        result.setAttribute('data-ok', 'false');
        result.className += ' messaging-admin__result--failed';
        result.textContent = errorText(error);
      }).then(function () { button.disabled = false; });
    });
  }

  // ---- Health ---------------------------------------------------------------------------------

  var HEALTH_REFRESH_MS = 10000;

  function initHealth(root) {
    var t = textsOf(root);
    var figures = root.querySelector('[data-messaging="health-figures"]');
    var problem = root.querySelector('[data-messaging="health-problem"]');
    var status = root.querySelector('[data-messaging="health-status"]');

    function card(key, rows) {
      var list = el('dl', { className: 'messaging-admin__figures' });
      rows.forEach(function (row) {
        list.appendChild(el('dt', { text: t(row[0]) }));
        list.appendChild(el('dd', { text: row[1] == null ? '' : String(row[1]), 'data-health': row[2] }));
      });
      return el('section', { className: 'messaging-admin__card', 'data-health-card': key },
        [el('h2', { text: t('health.' + key) }), list]);
    }

    function channel(key, state) {
      return card(key, [
        ['health.lastSuccess', when(state.lastSuccessAt) || t('health.never'), key + '-last-success'],
        ['health.lastError', state.lastError ? when(state.lastErrorAt) + ': ' + state.lastError : t('health.none'),
          key + '-last-error']]);
    }

    function render(report) {
      problem.hidden = !report.problem;
      problem.textContent = report.problem || '';
      figures.textContent = '';
      figures.appendChild(channel('email', report.email));
      figures.appendChild(channel('sms', report.sms));
      figures.appendChild(card('mailbox', [
        ['health.lastPoll', when(report.mailboxLastPollAt) || t('health.never'), 'mailbox-last-poll'],
        ['health.lastError', report.mailboxLastError || t('health.none'), 'mailbox-last-error']]));
      figures.appendChild(card('webhooks', [
        ['health.signatureFailures', report.webhookSignatureFailuresLastHour, 'signature-failures']]));
      figures.appendChild(card('outbox', [
        ['health.outboxDepth', report.outboxDepth, 'outbox-depth'],
        ['health.oldestAge', report.oldestQueuedAgeSeconds == null ? t('health.none')
          : t('health.seconds', report.oldestQueuedAgeSeconds), 'oldest-age'],
        ['health.failedToday', report.failedToday, 'failed-today'],
        ['health.liveStreams', report.liveStreams, 'live-streams']]));
      status.textContent = t('health.updated', new Date().toLocaleTimeString(document.documentElement.lang || undefined));
    }

    function refresh() {
      api('/admin/health').then(render)
        .catch(function (error) { status.textContent = t('health.loadFailed', errorText(error)); });
    }

    refresh();
    setInterval(refresh, HEALTH_REFRESH_MS);
    initFailed(root, t, refresh);
    initUnrouted(root, t);
  }

  function table(headers) {
    var head = el('tr', {}, headers.map(function (h) { return el('th', { scope: 'col', text: h }); }));
    return el('table', { className: 'ats-table messaging-admin__table' }, [el('thead', {}, [head]), el('tbody')]);
  }

  function initFailed(root, t, refreshHealth) {
    var holder = root.querySelector('[data-messaging="failed-list"]');

    function row(item) {
      var message = item.message;
      var button = el('button', { type: 'button', 'data-messaging': 'failed-retry', text: t('failed.retry') });
      var cell = el('td', {}, [button]);
      button.addEventListener('click', function () {
        button.disabled = true;
        api('/admin/failed/' + encodeURIComponent(message.id) + '/retry', { method: 'POST' }).then(function () {
          cell.textContent = t('failed.retried');
          refreshHealth();
        }).catch(function (error) {
          cell.textContent = errorText(error);
        });
      });
      var reason = message.error ? message.error.message : '';
      return el('tr', { 'data-failed-message': message.id }, [
        el('td', { text: when(message.createdAt) }),
        el('td', { text: item.candidate.name }),
        el('td', { text: message.channel }),
        el('td', { text: message.author ? message.author.name : '' }),
        el('td', { className: 'messaging-admin__reason', text: reason }),
        cell]);
    }

    function load(before, tableNode) {
      var query = '/admin/failed?limit=50' + (before ? '&before=' + encodeURIComponent(before) : '');
      api(query).then(function (page) {
        if (!tableNode) {
          holder.textContent = '';
          if (page.failed.length === 0) {
            holder.appendChild(el('p', { 'data-messaging': 'failed-empty', text: t('failed.empty') }));
            return;
          }
          tableNode = table([t('failed.when'), t('failed.candidate'), t('failed.channel'), t('failed.author'),
            t('failed.reason'), '']);
          holder.appendChild(tableNode);
        }
        var body = tableNode.querySelector('tbody');
        page.failed.forEach(function (item) { body.appendChild(row(item)); });
        var more = holder.querySelector('[data-messaging="failed-more"]');
        if (more) more.remove();
        if (page.next) {
          more = el('button', { type: 'button', 'data-messaging': 'failed-more', text: t('failed.more') });
          more.addEventListener('click', function () { load(page.next, tableNode); });
          holder.appendChild(more);
        }
      }).catch(function (error) { holder.textContent = errorText(error); });
    }

    load(null, null);
  }

  function initUnrouted(root, t) {
    var holder = root.querySelector('[data-messaging="unrouted-list"]');
    api('/admin/unrouted?limit=50').then(function (list) {
      holder.textContent = '';
      if (list.messages.length === 0) {
        holder.appendChild(el('p', { text: t('unrouted.empty') }));
        return;
      }
      var tableNode = table([t('unrouted.when'), t('unrouted.from'), t('unrouted.to'), t('unrouted.text')]);
      list.messages.forEach(function (message) {
        tableNode.querySelector('tbody').appendChild(el('tr', {}, [
          el('td', { text: when(message.receivedAt) }),
          el('td', { text: message.from }),
          el('td', { text: message.to }),
          el('td', { text: (message.subject ? message.subject + ' — ' : '') + message.body })]));
      });
      holder.appendChild(tableNode);
    }).catch(function (error) { holder.textContent = errorText(error); });
  }

  function init() {
    var settings = document.querySelector('[data-messaging="admin-settings"]');
    if (settings) initSettings(settings);
    var health = document.querySelector('[data-messaging="admin-health"]');
    if (health) initHealth(health);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
