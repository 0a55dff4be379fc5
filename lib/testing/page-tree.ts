import type { ReactElement, ReactNode } from "react";

// What a server page answers, read without rendering it: the texts, links and components in
// its element tree. Nested async components (plan names, balances) are left unrendered, so a
// test sees the page's own work: what it loaded and how it decided to show it.
export type PageTree = { texts: string[]; hrefs: string[]; components: string[] };

export function readPageTree(node: ReactNode): PageTree {
  const tree: PageTree = { texts: [], hrefs: [], components: [] };
  const visit = (current: ReactNode) => {
    if (current === null || current === undefined || typeof current === "boolean") return;
    if (typeof current === "string" || typeof current === "number") {
      tree.texts.push(String(current));
      return;
    }
    if (Array.isArray(current)) {
      current.forEach(visit);
      return;
    }
    const element = current as ReactElement<{ children?: ReactNode; href?: unknown }>;
    if (typeof element.type === "function") tree.components.push(element.type.name);
    if (typeof element.props?.href === "string") tree.hrefs.push(element.props.href);
    visit(element.props?.children);
  };
  visit(node);
  return tree;
}
