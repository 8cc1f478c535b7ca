import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/engine/util/registry';
import { ParamError } from '../../../src/engine';

describe('createRegistry', () => {
  it('lists in registration order, replaces by id, and names the parameter and the choices for an unknown id', () => {
    const r = createRegistry([{ id: 'a', v: 1 }, { id: 'b', v: 2 }]);
    r.register({ id: 'c', v: 3 });
    r.register({ id: 'a', v: 9 });
    expect(r.list().map((s) => `${s.id}${s.v}`)).toEqual(['a9', 'b2', 'c3']);
    expect(r.get('b', 'model').v).toBe(2);
    expect(() => r.get('z', 'config.fee.model')).toThrow(ParamError);
    expect(() => r.get('z', 'config.fee.model')).toThrow(/config\.fee\.model.*'a', 'b', 'c'/);
  });
});
