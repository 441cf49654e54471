// ink lays an app out in stdout.columns, and ink-testing-library's stdout always says 100: a
// screen tested wider than that would be squeezed to 100 columns. This makes the test stdout as
// wide as the terminal being tested, and puts it back afterwards.
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach } from 'vitest';

const TEST_COLUMNS = 100;
let widened: object | null = null;

export function terminalColumns(columns: number): void {
  const probe = render(<Text />);
  const proto = Object.getPrototypeOf(probe.stdout) as object;
  probe.unmount();
  Object.defineProperty(proto, 'columns', { get: () => Math.max(columns, TEST_COLUMNS), configurable: true });
  widened = proto;
}

afterEach(() => {
  if (widened) Object.defineProperty(widened, 'columns', { get: () => TEST_COLUMNS, configurable: true });
  widened = null;
});
