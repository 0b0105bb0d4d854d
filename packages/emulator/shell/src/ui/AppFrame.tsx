/**
 * A placement iframe loaded exactly as the host loads it: a hidden form POST into a named iframe
 * (name = frameName, action = the launch URL, hidden inputs = the launch fields).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { OpenApp } from '../shell-store.js';
import { useController } from './shell-context.js';

export function AppFrame({ app, className }: { app: OpenApp; className?: string }) {
  const controller = useController();
  const frameRef = useRef<HTMLIFrameElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const frame = controller.registerFrame(app, () => frameRef.current);
    if (frame) formRef.current?.submit();
    return () => controller.host.forget(app.key);
  }, [controller, app.key]);

  const style = app.size ? { width: `${app.size.width}px`, height: `${app.size.height}px` } : undefined;
  return (
    <>
      <iframe
        ref={frameRef}
        name={app.launch.frameName}
        title={app.title}
        class={`app-frame ${className ?? ''}`}
        style={style}
        data-testid="app-frame"
        data-placement={app.placement}
        data-app-sid={app.launch.appSid}
        data-binding-id={app.bindingId ?? ''}
      />
      <form ref={formRef} method="post" action={app.launch.action} target={app.launch.frameName} hidden>
        {Object.entries(app.launch.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </form>
    </>
  );
}
