import { render } from 'preact';
import type { HostCommand, WidgetUser } from '../shared/bridge';
import { ChatController } from './core/chat-controller';
import { connectToHost, resolveHostOrigin } from './core/host-bridge';
import { pickLocale } from './core/i18n';
import { frameLocalStorage, hostBackedStorage, storageKeys, type HostBackedStorage } from './core/storage';
import { createSession, openWidgetSocket } from './core/transport';
import { App } from './ui/app';

function boot(): void {
  const params = new URLSearchParams(location.search);
  const inboxToken = params.get('inbox');
  const root = document.getElementById('app');
  if (!inboxToken || !root) return;

  // The frame lives at HOST/widget/frame.html; HOST may include a path prefix.
  const host = location.origin + location.pathname.replace(/\/widget\/frame\.html$/, '');
  const locale = pickLocale(params.get('locale'), navigator.language);
  document.documentElement.lang = locale;
  const hostOrigin = resolveHostOrigin(location, params.get('origin'));
  // A follow-up link's conversation (the loader passes it on from the host page's URL).
  const requested = params.get('conversation');
  const conversationId = requested && /^[0-9a-f-]{36}$/i.test(requested) ? requested : null;
  const outboxKey = storageKeys(inboxToken).outbox;
  const ownStorage = frameLocalStorage(window);
  let hostStorage: HostBackedStorage | null = null;
  let controller: ChatController | null = null;

  const apply = (command: HostCommand) => {
    if (!controller) return;
    if (command.name === 'open') controller.setOpen(true);
    else if (command.name === 'close') controller.setOpen(false);
    else if (command.name === 'toggle') controller.toggle();
    else if (command.name === 'setUser' && command.user) void controller.setUser(command.user);
  };

  // The controller waits for the host's answer: it brings the queued calls and, when this frame's
  // storage is blocked, the persisted visitor token and outbox.
  const bridge = connectToHost(window, hostOrigin, {
    init(commands, mobile, snapshot) {
      if (!ownStorage) {
        hostStorage = hostBackedStorage(snapshot, (key, value) => bridge.post({ parley: 1, type: 'storage', key, value }));
      }
      const chat = new ChatController({
        inboxToken,
        hostOrigin: hostOrigin || '',
        locale,
        conversationId,
        storage: ownStorage || (hostStorage as HostBackedStorage),
        createSession: (request) => createSession(host, request),
        openSocket: (visitorToken) => openWidgetSocket(host, visitorToken),
        toHost: (message) => bridge.post(message),
        isVisible: () => document.visibilityState !== 'hidden',
      });
      controller = chat;
      chat.setMobile(mobile);
      // Identity queued before we were ready goes into the first session call instead of a second one.
      let identity: WidgetUser | null = null;
      for (const command of commands) if (command.name === 'setUser' && command.user) identity = command.user;
      void chat.start(identity);
      commands.filter((command) => command.name !== 'setUser').forEach(apply);
      document.addEventListener('visibilitychange', () => chat.visibilityChanged());
      render(<App controller={chat} />, root);
    },
    layout: (mobile) => controller && controller.setMobile(mobile),
    command: apply,
    storage(key, value) {
      if (!hostStorage) return;
      hostStorage.external(key, value);
      if (key === outboxKey && controller) controller.outboxChangedElsewhere();
    },
  });

  window.addEventListener('storage', (event) => {
    if (ownStorage && event.key === outboxKey && controller) controller.outboxChangedElsewhere();
  });
}

boot();
