/* Baseline for the pane-size bench: the smallest Fluent UI v9 + React pane, like Microsoft's empty
 * Office-Addin-TaskPane-React template (a provider, a heading, a button). Built only by npm run bench. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, Text, webLightTheme } from '@fluentui/react-components';

function EmptyPane(): JSX.Element {
  const [count, setCount] = React.useState(0);
  return (
    <FluentProvider theme={webLightTheme}>
      <Text as="h1">Welcome</Text>
      <Button appearance="primary" onClick={() => setCount(count + 1)}>
        Run {count}
      </Button>
    </FluentProvider>
  );
}

createRoot(document.getElementById('app') as HTMLElement).render(<EmptyPane />);
