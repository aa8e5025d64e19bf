/*
 * The messaging panel behind the header icon: your chats, start a chat, the conversation and its
 * composer. Plain browser JavaScript, no build step; every text from GET /texts (the user's
 * language); every value shown with textContent, never as markup.
 */
(function () {
  'use strict';

  var texts = {};
  var state = { open: false, conversation: null, candidate: null, next: null };

  var api = window.AtsMessaging.api;
  var el = window.AtsMessaging.el;

  function t(key) {
    var text = texts[key] || key;
    for (var i = 1; i < arguments.length; i++) text = text.split('{' + (i - 1) + '}').join(String(arguments[i]));
    return text;
  }

  function time(iso) {
    var options = { dateStyle: 'short', timeStyle: 'short' };
    if (texts._timeZone) options.timeZone = texts._timeZone;
    try {
      return new Date(iso).toLocaleString(texts._locale || document.documentElement.lang || undefined, options);
    } catch (e) {
      return new Date(iso).toLocaleString();
    }
  }

  // GSM 03.38: texts of only these characters go 160 per SMS (153 per part); others 70 (67).
  var GSM = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿' +
    'abcdefghijklmnopqrstuvwxyzäöñüà';
  var GSM_EXTENDED = '^{}\\[~]|€\f';

  function segments(text) {
    var units = 0, gsm = true;
    for (var i = 0; i < text.length && gsm; i++) {
      var c = text.charAt(i);
      if (GSM.indexOf(c) >= 0) units += 1;
      else if (GSM_EXTENDED.indexOf(c) >= 0) units += 2;
      else gsm = false;
    }
    if (!gsm) units = text.length;
    var single = gsm ? 160 : 70, part = gsm ? 153 : 67;
    return { encoding: gsm ? 'GSM-7' : 'UCS-2', count: units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / part) };
  }

  var panel, chats, search, results, conversation, bubbles, earlier, composer, live;

  function build(icon) {
    live = el('div', { 'aria-live': 'polite', className: 'messaging-live' });
    chats = el('ul', { className: 'messaging-chats', 'aria-label': t('yourChats') });
    search = el('input', { type: 'search', 'data-messaging': 'candidate-search', id: 'messaging-search',
      placeholder: t('searchPlaceholder'), autocomplete: 'off' });
    results = el('ul', { className: 'messaging-results' });
    var searchBox = el('div', { className: 'messaging-search', hidden: 'hidden' }, [
      el('label', { 'for': 'messaging-search', text: t('searchLabel') }), search, results]);
    var start = el('button', { type: 'button', 'data-messaging': 'start-chat', text: t('startChat') });
    start.addEventListener('click', function () {
      searchBox.hidden = !searchBox.hidden;
      if (!searchBox.hidden) search.focus();
    });
    var debounce = null;
    search.addEventListener('input', function () {
      window.clearTimeout(debounce);
      debounce = window.setTimeout(findCandidates, 250);
    });
    bubbles = el('ol', { className: 'messaging-bubbles' });
    earlier = el('button', { type: 'button', className: 'messaging-earlier', text: t('loadEarlier'), hidden: 'hidden' });
    earlier.addEventListener('click', function () { loadMessages(true); });
    composer = buildComposer('messaging-panel', function () { return state.conversation.id; }, function () {
      loadMessages(false);
      loadChats();
    });
    conversation = el('section', { 'data-messaging': 'conversation', className: 'messaging-conversation', hidden: 'hidden' },
      [el('h3', { className: 'messaging-conversation__title' }), earlier, bubbles, composer.form]);
    var close = el('button', { type: 'button', className: 'messaging-close', text: t('close'), 'aria-label': t('close') });
    close.addEventListener('click', function () { toggle(icon, false); });
    panel = el('div', { 'data-messaging': 'panel', role: 'dialog', 'aria-label': t('panel'), className: 'messaging-panel',
      hidden: 'hidden' }, [
      el('div', { className: 'messaging-panel__side' }, [
        el('div', { className: 'messaging-panel__head' }, [el('h2', { text: t('yourChats') }), close]),
        start, searchBox, chats]),
      conversation, live]);
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') toggle(icon, false);
    });
    document.body.appendChild(panel);
  }

  /**
   * A composer: channel, subject, body, send. conversationId() gives (a promise of) the conversation
   * to send to; sent() is told afterwards. Ids are prefixed so the panel's and the tab's can coexist.
   */
  function buildComposer(prefix, conversationId, sent) {
    var form = el('form', { className: 'messaging-composer', novalidate: 'novalidate' });
    var email = el('input', { type: 'radio', name: prefix + '-channel', value: 'EMAIL', id: prefix + '-channel-email',
      'data-messaging': 'channel-email', checked: 'checked' });
    var sms = el('input', { type: 'radio', name: prefix + '-channel', value: 'SMS', id: prefix + '-channel-sms',
      'data-messaging': 'channel-sms' });
    var smsReason = el('p', { className: 'messaging-hint', hidden: 'hidden' });
    var subject = el('input', { type: 'text', id: prefix + '-subject', 'data-messaging': 'subject', maxlength: '255' });
    var body = el('textarea', { id: prefix + '-body', 'data-messaging': 'body', rows: '4' });
    var counter = el('p', { className: 'messaging-hint', hidden: 'hidden', 'aria-live': 'polite' });
    var error = el('p', { className: 'messaging-error', role: 'alert', hidden: 'hidden' });
    var send = el('button', { type: 'submit', 'data-messaging': 'send', text: t('send'), disabled: 'disabled' });
    form.appendChild(el('fieldset', {}, [el('legend', { text: t('channel') }),
      email, el('label', { 'for': prefix + '-channel-email', text: t('email') }),
      sms, el('label', { 'for': prefix + '-channel-sms', text: t('sms') })]));
    form.appendChild(smsReason);
    form.appendChild(el('label', { 'for': prefix + '-subject', text: t('subject') }));
    form.appendChild(subject);
    form.appendChild(el('label', { 'for': prefix + '-body', text: t('body') }));
    form.appendChild(body);
    form.appendChild(counter);
    form.appendChild(error);
    form.appendChild(send);

    function channel() { return sms.checked ? 'SMS' : 'EMAIL'; }
    function update() {
      var ready = subject.value.trim() !== '' && body.value.trim() !== '' && !(channel() === 'SMS' && body.value.length > 1600);
      send.disabled = !ready;
      counter.hidden = channel() !== 'SMS';
      var s = segments(body.value);
      counter.textContent = t('smsCounter', body.value.length, s.count, s.encoding);
    }
    [subject, body, email, sms].forEach(function (input) {
      input.addEventListener('input', update);
      input.addEventListener('change', update);
    });
    body.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !send.disabled) form.requestSubmit();
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (send.disabled) return;
      send.disabled = true;
      send.textContent = t('sending');
      error.hidden = true;
      Promise.resolve(conversationId()).then(function (id) {
        return api('/conversations/' + encodeURIComponent(id) + '/messages', {
          method: 'POST', body: { channel: channel(), subject: subject.value, body: body.value }
        });
      }).then(function () {
        body.value = '';
        sent();
      }).catch(function (failure) {
        error.textContent = t('sendFailed', failure.message || failure.code);
        error.hidden = false;
      }).then(function () {
        send.textContent = t('send');
        update();
      });
    });
    return {
      form: form,
      reset: function (candidate) {
        var allowed = candidate && candidate.channels.sms.allowed;
        sms.disabled = !allowed;
        if (!allowed) {
          email.checked = true;
          smsReason.textContent = candidate ? t('smsDisabled', t('reason.' + candidate.channels.sms.reason)) : '';
        }
        smsReason.hidden = !!allowed;
        error.hidden = true;
        update();
      }
    };
  }

  function toggle(icon, open) {
    if (!panel) build(icon);
    state.open = open;
    panel.hidden = !open;
    icon.setAttribute('aria-expanded', String(open));
    if (open) {
      loadChats();
      var first = panel.querySelector('button, input');
      if (first) first.focus();
    } else {
      icon.focus();
    }
  }

  function loadChats() {
    api('/conversations?limit=50').then(function (json) {
      chats.textContent = '';
      if (json.conversations.length === 0) chats.appendChild(el('li', { text: t('noChats') }));
      json.conversations.forEach(function (c) {
        var last = c.lastMessage;
        var item = el('button', { type: 'button', className: 'messaging-chat' + (c.unread > 0 ? ' messaging-chat--unread' : ''),
          'data-conversation-id': c.id }, [
          el('strong', { text: c.candidate.name }),
          c.unread > 0 ? el('span', { className: 'messaging-chat__unread', text: c.unread + ' ' + t('unread') }) : null,
          el('span', { className: 'messaging-chat__preview', text: last ? last.body.slice(0, 80) : '' }),
          el('span', { className: 'messaging-chat__meta', text: last ? last.channel + ' · ' + time(last.createdAt) : '' })]);
        item.addEventListener('click', function () { openConversation(c); });
        chats.appendChild(el('li', {}, [item]));
      });
    });
  }

  function findCandidates() {
    var query = search.value.trim();
    if (query === '') { results.textContent = ''; return; }
    api('/candidates?limit=10&q=' + encodeURIComponent(query)).then(function (json) {
      results.textContent = '';
      if (json.candidates.length === 0) results.appendChild(el('li', { text: t('noResults') }));
      json.candidates.forEach(function (candidate) {
        var choose = el('button', { type: 'button', className: 'messaging-result', 'data-candidate-id': candidate.id }, [
          el('strong', { text: candidate.name }),
          el('span', { className: 'messaging-hint', text: candidate.channels.sms.allowed ? t('smsAllowed') : t('smsNotAllowed') })]);
        choose.addEventListener('click', function () {
          api('/conversations', { method: 'POST', body: { candidateId: candidate.id } }).then(openConversation);
        });
        results.appendChild(el('li', {}, [choose]));
      });
    });
  }

  function openConversation(c) {
    state.conversation = c;
    state.next = null;
    conversation.hidden = false;
    conversation.querySelector('h3').textContent = c.candidate.name;
    bubbles.textContent = '';
    composer.reset(null);
    api('/candidates/' + encodeURIComponent(c.candidate.id)).then(function (candidate) {
      state.candidate = candidate;
      composer.reset(candidate);
    });
    loadMessages(false);
    api('/conversations/' + encodeURIComponent(c.id) + '/read', { method: 'POST' }).then(loadChats);
  }

  function bubble(message) {
    var inbound = message.direction === 'INBOUND';
    var meta = [message.channel, time(message.createdAt),
      inbound ? state.conversation.candidate.name : (message.author ? message.author.name : t('you')),
      t('status.' + message.status)];
    var item = el('li', { 'data-messaging': 'bubble', 'data-direction': message.direction, 'data-message-id': message.id,
      className: 'messaging-bubble messaging-bubble--' + message.direction.toLowerCase() }, [
      el('div', { className: 'messaging-bubble__meta', text: meta.join(' · ') }),
      message.subject ? el('div', { className: 'messaging-bubble__subject', text: message.subject }) : null,
      window.AtsMessaging.appendText(el('div', { className: 'messaging-bubble__body' }), message.body),
      message.error ? el('div', { className: 'messaging-error', text: message.error.message }) : null]);
    if (message.status === 'FAILED' && message.direction === 'OUTBOUND') {
      var retry = el('button', { type: 'button', className: 'messaging-retry', 'data-messaging': 'retry', text: t('retry') });
      retry.addEventListener('click', function () {
        retry.disabled = true;
        api('/conversations/' + encodeURIComponent(state.conversation.id) + '/messages/' +
          encodeURIComponent(message.id) + '/retry', { method: 'POST' }).then(function () { loadMessages(false); })
          .catch(function () { retry.disabled = false; });
      });
      item.appendChild(retry);
    }
    return item;
  }

  function loadMessages(older) {
    var c = state.conversation;
    if (!c) return;
    var path = '/conversations/' + encodeURIComponent(c.id) + '/messages?limit=30' +
      (older && state.next ? '&before=' + encodeURIComponent(state.next) : '');
    api(path).then(function (json) {
      if (state.conversation !== c) return;
      var items = json.messages.map(bubble);
      if (older) {
        items.reverse().forEach(function (item) { bubbles.insertBefore(item, bubbles.firstChild); });
      } else {
        bubbles.textContent = '';
        items.forEach(function (item) { bubbles.appendChild(item); });
        bubbles.scrollTop = bubbles.scrollHeight;
      }
      if (!older || state.next) state.next = json.next;
      earlier.hidden = !json.next;
    });
  }

  // The stream (started by messaging.js) tells about new and changed messages.
  // A reply to a chat that is not open: a notice (a live region, so screen readers hear it too)
  // that opens the chat when clicked.
  var notice = null;
  function announce(change) {
    api('/conversations?limit=50').then(function (json) {
      var c = json.conversations.filter(function (item) { return item.id === change.conversationId; })[0];
      if (!c) return;
      if (!notice) {
        notice = el('button', { type: 'button', className: 'messaging-notice', 'data-messaging': 'notice', role: 'status' });
        notice.addEventListener('click', function () {
          var icon = document.querySelector('[data-messaging="header-icon"]');
          notice.hidden = true;
          if (!state.open) toggle(icon, true);
          openConversation(notice.conversation);
        });
        document.body.appendChild(notice);
      }
      notice.conversation = c;
      notice.textContent = t('newMessage', c.candidate.name);
      notice.hidden = false;
      window.clearTimeout(notice.timer);
      notice.timer = window.setTimeout(function () { notice.hidden = true; }, 8000);
    });
  }

  document.addEventListener('messaging:message', function (event) {
    var change = event.detail;
    var chatOpen = state.open && state.conversation && change.conversationId === state.conversation.id;
    if (change.direction === 'INBOUND' && !chatOpen && Object.keys(texts).length > 0) announce(change);
    if (!state.open || !panel) return;
    if (state.conversation && change.conversationId === state.conversation.id) {
      loadMessages(false);
      if (change.direction === 'INBOUND') {
        live.textContent = t('newMessage', state.conversation.candidate.name);
        // The open chat is read: the list and the badge follow once the server agrees.
        api('/conversations/' + encodeURIComponent(change.conversationId) + '/read', { method: 'POST' }).then(loadChats);
        return;
      }
    }
    loadChats();
  });

  // The Communications tab carries on with the candidate in the caller's own conversation.
  function initTab() {
    var tab = document.querySelector('[data-messaging="communications"]');
    if (!tab) return;
    var candidateId = tab.getAttribute('data-candidate-id');
    var conversationId = null;
    var tabComposer = buildComposer('messaging-tab', function () {
      if (conversationId) return conversationId;
      return api('/conversations', { method: 'POST', body: { candidateId: candidateId } }).then(function (c) {
        conversationId = c.id;
        return c.id;
      });
    }, function () {
      document.dispatchEvent(new CustomEvent('messaging:refresh-communications'));
    });
    tab.appendChild(tabComposer.form);
    api('/candidates/' + encodeURIComponent(candidateId)).then(tabComposer.reset);
  }

  // Without a stream (refused, or a proxy that buffers it), the open panel re-reads on a timer.
  document.addEventListener('messaging:poll', function () {
    if (!state.open || !panel) return;
    loadChats();
    loadMessages(false);
  });

  function init() {
    var icon = document.querySelector('[data-messaging="header-icon"]');
    if (!icon) return;
    icon.setAttribute('aria-haspopup', 'dialog');
    icon.setAttribute('aria-expanded', 'false');
    // A click before the texts arrived opens the panel as soon as they are there.
    var ready = api('/texts').then(function (loaded) {
      texts = loaded;
    });
    icon.addEventListener('click', function (event) {
      event.preventDefault();
      ready.then(function () { toggle(icon, !state.open); });
    });
    ready.then(initTab);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}());
