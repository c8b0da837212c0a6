/**
 * sameStructure: the language server keeps the structure rules' findings when
 * an edited file plays the same part in the plan as before. Edits of text and
 * numbers keep the structure; any change of an ID, a reference, a place, a
 * task's indicators or the kind does not.
 */
import * as assert from 'node:assert/strict';
import { parseText } from '../../server/src/engine/parse/load';
import { buildFileModel } from '../../server/src/engine/plan/model';
import { sameStructure } from '../../server/src/engine/plan/structure';

const BASE = `apiVersion: pilot-plan/v1
kind: Tasks
tasks:
  - id: T-ENERGY-01
    title: 推进光伏建筑一体化
    area: energy-transition
    indicators: [IND-RE-SHARE]
    dependsOn: [T-ENERGY-02]
    due: 2027
  - id: T-ENERGY-02
    title: 建设新型储能示范项目
    area: energy-transition
    indicators: [IND-RE-SHARE, IND-CO2-INTENSITY]
    due: 2026
`;

const model = (text: string) => buildFileModel(parseText('/plan/tasks.pilot.yaml', text));
const same = (edited: string) => sameStructure(model(BASE), model(edited));

describe('sameStructure', () => {
  it('holds for the same text and for edits of titles, numbers and comments', () => {
    assert.equal(same(BASE), true);
    assert.equal(same(BASE.replace('推进光伏建筑一体化', '推进光伏建筑一体化（修订）')), true);
    assert.equal(same(BASE.replace('due: 2027', 'due: 2028')), true);
    assert.equal(same(BASE.replace('kind: Tasks\n', 'kind: Tasks # 任务\n')), true);
  });

  it('fails when an ID, a reference, a field or a task’s indicators change', () => {
    assert.equal(same(BASE.replace('id: T-ENERGY-01', 'id: T-ENERGY-03')), false, 'an ID');
    assert.equal(same(BASE.replace('dependsOn: [T-ENERGY-02]', 'dependsOn: [T-ENERGY-09]')), false, 'a reference');
    assert.equal(same(BASE.replace('dependsOn: [T-ENERGY-02]', 'dependsOn: [T-ENERGY-02, T-ENERGY-02]')), false, 'one reference more');
    assert.equal(same(BASE.replace('[IND-RE-SHARE, IND-CO2-INTENSITY]', '[IND-CO2-INTENSITY, IND-RE-SHARE]')), false, 'indicators reordered');
    assert.equal(same(BASE.replace('dependsOn: [T-ENERGY-02]', 'dependsOn: [7, T-ENERGY-02]')), false, 'a reference at another place');
  });

  it('fails when entries move, appear or go, or the kind changes', () => {
    const [head, first, second] = BASE.split(/(?=  - id:)/);
    assert.equal(same(head + second + first), false, 'entries swapped');
    assert.equal(same(head + first), false, 'an entry removed');
    assert.equal(same(BASE.replace('kind: Tasks', 'kind: Projects')), false, 'the kind');
  });
});
