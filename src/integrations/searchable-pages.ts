/**
 * Which built pages go into the search index: the course (chapters and lessons) and the self-checks.
 * The landing page, instructors' page, review, replay tool and 404 are navigation or tools, not content
 * a search should send a learner to.
 */
export function isSearchable(page: string): boolean {
  return /^(course|self-check)\/.+\/index\.html$/.test(page) || page === 'course/index.html';
}

/**
 * The HTML Pagefind is given for a page (the served file is not changed). Pagefind skips the text of
 * <form> and <label> elements, which would drop every quiz question, option and rationale, so they become
 * neutral elements here. It also runs a <summary> into the text after it ("Transcript$ ls"), so a space
 * is added.
 */
export function htmlForIndex(html: string): string {
  return html
    .replace(/<(form|label)\b/gi, '<div')
    .replace(/<\/(form|label)\s*>/gi, '</div>')
    .replace(/<\/summary>/gi, '</summary> ');
}
