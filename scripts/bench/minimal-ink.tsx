// The baseline for start-up: the smallest bundled Ink app, one line of text, then exit.
import { render, Text, useApp } from 'ink';
import { useEffect } from 'react';

function Minimal() {
  const { exit } = useApp();
  useEffect(() => exit(), [exit]);
  return <Text>minimal ink ready</Text>;
}

await render(<Minimal />).waitUntilExit();
