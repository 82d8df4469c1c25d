import { describe, expect, it } from 'vitest';
import { detectCommitment } from './commitment.js';

describe('detectCommitment', () => {
  it.each([
    ['完成西集“樱游运河”示范片区创建', 'complete'],
    ['推动首开印象街建成开放', 'complete'],
    ['推动首儿所通州院区完工', 'complete'],
    ['启动宋庄“艺术创意田园”示范片区建设', 'start'],
    ['开工建设南大沟及萧太后河退水渠综合治理工程', 'start'],
    ['推进北京艺术博物馆建设', 'advance'],
    ['加快特色小镇建设', 'advance'],
    ['持续深化国资国企改革', 'advance'],
    ['力争六环高线公园启动段开园', 'strive'],
    ['确保2所幼儿园开园', 'ensure'],
    ['完成潮白河国家森林公园先行启动区(森林课堂片区)建设', 'complete'],
  ])('reads %s as %s', (sentence, commitment) => {
    expect(detectCommitment(sentence)).toBe(commitment);
  });

  it('does not read 高水平开放 (opening up) as opening a site', () => {
    expect(detectCommitment('扎实推进高水平开放')).toBe('advance');
  });

  it('returns null without a known verb', () => {
    expect(detectCommitment('做优做活水文章')).toBeNull();
  });
});
