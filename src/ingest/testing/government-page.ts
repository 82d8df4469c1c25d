/**
 * A report's text laid out the way government portals publish it (tests and fixtures only):
 * navigation, breadcrumbs, a font-size/print/close bar, the article, share buttons, related
 * links and a footer, and a print style sheet that hides them as "打印本页" does. Header lines before "各位代表：" become the title and an info block; body
 * paragraphs become `<p>` with a first-line indent, with the dateline and speaker joined by `<br>`.
 */
export function governmentPage(reportText: string, charset = 'gb2312'): string {
  const lines = reportText.split('\n').filter((line) => line.trim().length > 0);
  const [title = '', dateline = '', source = '', published = '', speaker = '', ...body] = lines;
  const escapeHtml = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = body
    .map((line) =>
      /^[一二三四五六七八九十]+、/.test(line)
        ? `<h2 class="title2">${escapeHtml(line)}</h2>`
        : /^（[一二三四五六七八九十]+）/.test(line)
          ? `<p style="text-indent:2em"><strong>${escapeHtml(line)}</strong></p>`
          : `<p style="text-indent:2em">${escapeHtml(line)}</p>`,
    )
    .join('\n');
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<title>${escapeHtml(title)}_政府工作报告_首都之窗_北京市人民政府门户网站</title>
<meta name="keywords" content="政府工作报告" />
<style type="text/css">
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 0; }
.header, .nav, .breadcrumb, .footer { background: #f2f2f2; }
.nav li { display: inline; margin-right: 1em; }
.article { width: 680px; margin: 0 auto; }
.article p { font-size: 16px; line-height: 1.8; margin: 0.6em 0; }
@media print { .header, .nav, .breadcrumb, .info, .share, .related, .footer { display: none; } }
</style>
<script type="text/javascript">
function doZoom(size) { document.getElementById('zoom').style.fontSize = size + 'px'; }
</script>
</head>
<body>
<div class="header">
  <div class="logo"><a href="/"><img src="logo.png" alt="首都之窗" /></a></div>
  <div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字" /><button type="submit">搜索</button></form></div>
</div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li><li><a href="/yw/">要闻动态</a></li><li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/bs/">政务服务</a></li><li><a href="/hd/">政民互动</a></li><li><a href="/sj/">政务数据</a></li>
  </ul>
</div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/gzbg/">政府工作报告</a></div>
<div class="article">
  <h1>${escapeHtml(title)}</h1>
  <div class="info">
    <span>${escapeHtml(source)}</span>&nbsp;&nbsp;<span>${escapeHtml(published)}</span>
    <span class="fontsize">【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span>
    <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a>
  </div>
  <div class="content" id="zoom">
<p style="text-align:center">${escapeHtml(dateline)}<br />${escapeHtml(speaker)}</p>
${paragraphs}
  </div>
  <div class="share">分享到：<a href="javascript:void(0)" class="weixin">微信</a> <a href="javascript:void(0)" class="weibo">微博</a> <a href="javascript:void(0)" class="qzone">QQ空间</a></div>
  <div class="related">
    <h3>相关链接</h3>
    <ul>
      <li><a href="/zwgk/gzbg/2025.html">2025年北京市政府工作报告</a></li>
      <li><a href="/zwgk/gzbg/2024.html">2024年北京市政府工作报告</a></li>
      <li><a href="/zwgk/jd/2026.html">一图读懂2026年北京市政府工作报告</a></li>
    </ul>
  </div>
</div>
<div class="footer">
  <p><a href="/about/">关于我们</a> | <a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a></p>
  <p>主办：北京市人民政府办公厅　承办：北京市政务服务和数据管理局</p>
  <p>京ICP备05060933号　京公网安备11010502035591号　网站标识码：1100000088</p>
</div>
</body>
</html>
`;
}
