import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

// The dependency zones of eslint.config.js, checked by linting small virtual files with ESLint's API
// (nothing is written to disk): a feature may not import a worker or another feature, the app shell
// is composition only, the engine stays pure.
const cwd = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint zones', () => {
  it('a feature importing a worker module fails lint', async () => {
    const messages = await restricted('src/features/demo/Bad.tsx', "import { LabClient } from '../../workers/lab-client';\nexport const x = LabClient;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('Features never import workers');
  });

  it('a feature importing another feature fails lint, by a sibling path or through src/features', async () => {
    const sibling = await restricted('src/features/demo/Bad.tsx', "import { fmtNum } from '../kalman/format';\nexport const x = fmtNum;\n");
    expect(sibling).toHaveLength(1);
    expect(sibling[0]).toContain('Features never import another feature');
    const deep = await restricted('src/features/demo/Bad.tsx', "import { PnlPanel } from '../../features/pnl/PnlPanel';\nexport const x = PnlPanel;\n");
    expect(deep.length).toBeGreaterThanOrEqual(1);
    expect(deep[0]).toContain('Features never import another feature');
  });

  it('a feature may import its own files, stores, shared components and lib', async () => {
    const code = [
      "import { useLab } from '../../stores/lab-store';",
      "import { Panel } from '../../components/ui/Panel';",
      "import { fmtNum } from '../../lib/format';",
      "import { helper } from './helper';",
      'export const x = [useLab, Panel, fmtNum, helper];',
    ].join('\n');
    expect(await restricted('src/features/demo/Good.tsx', code)).toEqual([]);
  });

  it('the app shell may not import workers or the engine; shared helpers may not import features', async () => {
    expect((await restricted('src/app/Shell.tsx', "import { GridPool } from '../workers/grid-pool';\nexport const x = GridPool;\n"))[0]).toContain('composition only');
    expect((await restricted('src/app/Shell.tsx', "import { asQuote } from '../engine';\nexport const x = asQuote;\n"))[0]).toContain('composition only');
    expect((await restricted('src/lib/helper.ts', "import { PnlPanel } from '../features/pnl/PnlPanel';\nexport const x = PnlPanel;\n"))[0]).toContain('shared helpers');
  });

  it('the engine may not import workers or stores', async () => {
    expect((await restricted('src/engine/demo/bad.ts', "import { labStore } from '../../stores/lab-store';\nexport const x = labStore;\n"))[0]).toContain('one way');
  });
});
