import { strict as assert } from 'node:assert';
import { codeSpans } from '../../contracts/messages';

describe('contracts: code spans of messages (the report page renders them as code)', () => {
  it('cuts a message into text and code spans, backticks removed', () => {
    assert.deepEqual(codeSpans('Unknown key `lifespanYear` in this asset; did you mean `lifespanYears`?'), [
      { text: 'Unknown key ', code: false },
      { text: 'lifespanYear', code: true },
      { text: ' in this asset; did you mean ', code: false },
      { text: 'lifespanYears', code: true },
      { text: '?', code: false },
    ]);
  });

  it('keeps a lone backtick and markup as plain text (the page adds them as text nodes)', () => {
    assert.deepEqual(codeSpans('a ` b'), [{ text: 'a ` b', code: false }]);
    assert.deepEqual(codeSpans('`<img src=x onerror=alert(1)>` done'), [{ text: '<img src=x onerror=alert(1)>', code: true }, { text: ' done', code: false }]);
    assert.deepEqual(codeSpans(''), []);
  });
});
