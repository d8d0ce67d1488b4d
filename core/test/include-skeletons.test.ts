import * as assert from 'node:assert/strict';
import { includeSkeleton, MAX_SKELETON_MATCHES, skeletonMatches } from '../src/flow/include-skeletons';
import type { StaticString } from '../src/ir/static-string';

const folder = { unknown: true as const };
const name = { unknown: true as const, variable: '$name' };

describe('include skeletons: a written file name in a folder chosen at run time', () => {
  it('reaches the files whose path ends in something that fits, in any folder', () => {
    const value: StaticString = [folder, { text: '/action.' }, name, { text: '.php' }];
    const skeleton = includeSkeleton(value)!;
    const files = new Set(['modules/News/action.default.php', 'modules/Repo/action.update.php', 'modules/Repo/method.update.php', 'action.x.php', 'modules/Repo/action.sub/x.php']);
    // `action.x.php` at the root fits too: the unknown folder may be the project's root.
    assert.deepEqual(skeletonMatches(skeleton, files), ['action.x.php', 'modules/News/action.default.php', 'modules/Repo/action.update.php']);
  });
  it('is no skeleton when the written part names nothing, no unknown part follows it, the end is not written, or a constant starts it', () => {
    assert.equal(includeSkeleton([folder, { text: '/' }, name]), undefined);
    assert.equal(includeSkeleton([folder, { text: '/' }, name, { text: '.php' }]), undefined);
    assert.equal(includeSkeleton([folder, { text: '/remote.php' }]), undefined);
    assert.equal(includeSkeleton([folder, { text: '/action.' }, name]), undefined);
    assert.equal(includeSkeleton([{ constant: 'ROOT' }, { text: '/action.' }, name, { text: '.php' }]), undefined);
    assert.equal(includeSkeleton([{ text: 'views/' }, name, { text: '.php' }]), undefined);
  });
  it('reaches nothing when more files fit than the bound', () => {
    const skeleton = includeSkeleton([folder, { text: '/views/' }, name, { text: '.php' }])!;
    const many = new Set(Array.from({ length: MAX_SKELETON_MATCHES + 1 }, (_, i) => `m${i}/views/page.php`));
    assert.deepEqual(skeletonMatches(skeleton, many), []);
    const bounded = new Set([...many].slice(0, MAX_SKELETON_MATCHES));
    assert.equal(skeletonMatches(skeleton, bounded).length, MAX_SKELETON_MATCHES);
  });
});
