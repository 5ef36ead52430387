import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAttachmentLinks } from '../../../src/detail/attachment-links.js';

const EGOV = readFileSync(new URL('../../fixtures/pages/detail/egov-board-view.html', import.meta.url), 'utf8');
const EGOV_URL = 'https://www.hanbit-gun.go.kr/user/board/selectBoardArticle.do?nttId=48213&bbsId=BBSMSTR_000000000021';
const DOWNLOAD = {
  selector: '.file_list a.attach',
  pattern: "fn_egov_downFile\\('([^']+)','(\\d+)'\\)",
  template: '/cmm/fms/FileDown.do?atchFileId={1}&fileSn={2}',
};

describe('attachment links', () => {
  it('turns javascript: download calls into URLs with pattern and template, keeping the Hangul names', () => {
    const { links, warnings } = findAttachmentLinks(EGOV, EGOV_URL, DOWNLOAD, 'utf-8');
    expect(warnings).toEqual([]);
    expect(links).toEqual([
      { url: 'https://www.hanbit-gun.go.kr/cmm/fms/FileDown.do?atchFileId=FILE_000000000048213&fileSn=0', name: '보도자료(중견·중소기업 상생 간담회).hwp' },
      { url: 'https://www.hanbit-gun.go.kr/cmm/fms/FileDown.do?atchFileId=FILE_000000000048213&fileSn=1', name: '붙임1. 간담회 사진 및 참석자 명단.pdf' },
    ]);
  });

  it('fills named groups too, from any attribute', () => {
    const html = '<ul class="files"><li><a href="#" onclick="fnDown(\'77\'); return false;">공고문.hwpx</a></li></ul>';
    const rule = { selector: '.files a', attr: 'onclick', pattern: "fnDown\\('(?<id>\\d+)'\\)", template: 'download.do?id={id}' };
    expect(findAttachmentLinks(html, 'https://www.example.go.kr/board/view.do?id=5', rule, 'utf-8').links).toEqual([
      { url: 'https://www.example.go.kr/board/download.do?id=77', name: '공고문.hwpx' },
    ]);
  });

  it('takes href and text with a plain selector, resolved against <base href>, names without the size', () => {
    const html = `<html><head><base href="https://files.example.go.kr/upload/"></head><body><div class="attachFile">
      <a href="2024/보도자료.hwp">보도자료.hwp [45.2 KB]</a>
      <a href="/dl?f=%EC%82%AC%EC%A7%84.pdf">사진.pdf (1.2MB)</a>
      <a href="2024/보도자료.hwp">보도자료.hwp</a>
      <a href="2024/%EB%B6%99%EC%9E%84.hwpx"><img src="/i/hwp.gif" alt=""></a>
    </div></body></html>`;
    const { links } = findAttachmentLinks(html, 'https://www.example.go.kr/view.do', '.attachFile a', 'utf-8');
    expect(links).toEqual([
      { url: 'https://files.example.go.kr/upload/2024/%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C.hwp', name: '보도자료.hwp' },
      { url: 'https://files.example.go.kr/dl?f=%EC%82%AC%EC%A7%84.pdf', name: '사진.pdf' },
      { url: 'https://files.example.go.kr/upload/2024/%EB%B6%99%EC%9E%84.hwpx', name: '붙임.hwpx' },
    ]);
  });

  it('sends Hangul in a query in the page\'s own encoding, and in a path as UTF-8', () => {
    // An EUC-KR board's download links, as a browser sends them (WHATWG URL's encoding override):
    // the query's 보도 as EUC-KR bytes, the path's 자료 as UTF-8, an already encoded query left as is.
    const html = `<div class="file"><a href="/down.jsp?name=보도.hwp&amp;dir=2024">보도.hwp</a>
      <a href="/files/자료.pdf">자료.pdf</a><a href="/down.jsp?name=%BB%E7%C1%F8.jpg">사진.jpg</a></div>`;
    const links = (encoding: string) => findAttachmentLinks(html, 'http://www.example.go.kr/board/view.jsp?no=3', '.file a', encoding).links.map((l) => l.url);
    expect(links('euc-kr')).toEqual([
      'http://www.example.go.kr/down.jsp?name=%BA%B8%B5%B5.hwp&dir=2024',
      'http://www.example.go.kr/files/%EC%9E%90%EB%A3%8C.pdf',
      'http://www.example.go.kr/down.jsp?name=%BB%E7%C1%F8.jpg',
    ]);
    expect(links('utf-8')[0]).toBe('http://www.example.go.kr/down.jsp?name=%EB%B3%B4%EB%8F%84.hwp&dir=2024');
  });

  it('warns about a javascript: link that has no pattern, and about a link the pattern misses', () => {
    const plain = findAttachmentLinks(EGOV, EGOV_URL, '.file_list a.attach', 'utf-8');
    expect(plain.links).toEqual([]);
    expect(plain.warnings[0]).toMatch(/^detail: attachment link "보도자료\(중견·중소기업 상생 간담회\)\.hwp" on .*javascript: call; give attachments a pattern and a template/);
    const missed = findAttachmentLinks(EGOV, EGOV_URL, { ...DOWNLOAD, pattern: "fnDownload\\('([^']+)'\\)" }, 'utf-8');
    expect(missed.links).toEqual([]);
    expect(missed.warnings).toHaveLength(2);
    expect(missed.warnings[1]).toContain('does not match the pattern');
  });

  it('reports a selector that is not CSS and a pattern that is not a regular expression', () => {
    expect(findAttachmentLinks(EGOV, EGOV_URL, 'a[[', 'utf-8').warnings[0]).toMatch(/^detail: attachments selector "a\[\[" is not valid CSS/);
    expect(findAttachmentLinks(EGOV, EGOV_URL, { ...DOWNLOAD, pattern: '(' }, 'utf-8').warnings[0]).toMatch(/^detail: attachments pattern "\(" is not a valid regular expression/);
  });
});
