/** Closes everything once on SIGINT/SIGTERM, then exits; a second signal exits at once. */
export function closeOnSignals(close: () => Promise<void>, timeoutMs = 5000): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(130);
    closing = true;
    console.log(`\n${signal}: shutting down…`);
    const timer = setTimeout(() => {
      console.error(`shutdown took longer than ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
