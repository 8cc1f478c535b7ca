// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LabPanels } from '../../src/app/LabPanels';
import { PANELS, panel } from '../../src/app/panel-registry';
import { RunControls } from '../../src/features/lab/RunControls';
import { labStore } from '../../src/stores/lab-store';
import { DEFAULT_LAB, registerPanels } from '../../src/stores/lab-settings';
import { parseUrlState, serializeUrlState } from '../../src/stores/url-state';
import { DEFAULT_PARAMS } from '../../src/stores/calculator-params';

afterEach(() => {
  cleanup();
  registerPanels(PANELS);
  labStore.getState().replaceSettings(DEFAULT_LAB);
});

describe('panel registry', () => {
  it('a new panel is one file (fixtures/HelloPanel.tsx) plus one registry line: it gets a toggle, opens by default, loads lazily and rides in the link', async () => {
    // The one registry line:
    const panels = [...PANELS, panel('hello', 'Hello', () => import('./fixtures/HelloPanel').then((m) => m.HelloPanel))];
    registerPanels(panels);
    labStore.getState().replaceSettings(DEFAULT_LAB);
    render(<><RunControls /><LabPanels panels={panels} /></>);

    const toggles = within(screen.getByRole('group', { name: 'Panels' }));
    expect(toggles.getByLabelText('Hello')).toBeChecked();
    expect(await screen.findByTestId('hello-run')).toHaveTextContent('runs so far: 0');

    // Closing it hides it and writes the open set into the link; the link reads back.
    act(() => { fireEvent.click(toggles.getByLabelText('Hello')); });
    expect(screen.queryByTestId('hello-run')).toBeNull();
    const query = serializeUrlState(DEFAULT_PARAMS, {}, labStore.getState().settings);
    expect(query).toContain('p=pnl%2Cinventory%2Ckalman%2Cregimes%2Ccompare');
    expect(parseUrlState('?p=hello,pnl').lab.panels).toEqual(['hello', 'pnl']);
    expect(parseUrlState('?p=hello,pnl').notices).toEqual([]);
  });

  it('an id the registry does not have is refused in a link, with a notice', () => {
    registerPanels(PANELS);
    const r = parseUrlState('?p=hello');
    expect(r.notices[0]).toContain('unknown "hello"');
  });
});
