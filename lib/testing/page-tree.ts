import type { ReactElement, ReactNode } from "react";

// What a server page answers, read without rendering it: the texts, links and components in
// its element tree. Nested async components (plan names, balances) are left unrendered, so a
// test sees the page's own work: what it loaded and how it decided to show it.
export type PageTree = { texts: string[]; hrefs: string[]; components: string[]; elements: ComponentElement[] };

type ComponentElement = ReactElement<Record<string, unknown>, (props: Record<string, unknown>) => ReactNode>;

export function readPageTree(node: ReactNode): PageTree {
  const tree: PageTree = { texts: [], hrefs: [], components: [], elements: [] };
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
    if (typeof element.type === "function") {
      tree.components.push(element.type.name);
      tree.elements.push(element as unknown as ComponentElement);
    }
    if (typeof element.props?.href === "string") tree.hrefs.push(element.props.href);
    visit(element.props?.children);
  };
  visit(node);
  return tree;
}

// A nested server component of the page, rendered on its own with the props the page gave it.
export async function readNestedComponent(tree: PageTree, name: string): Promise<PageTree> {
  const element = tree.elements.find((candidate) => candidate.type.name === name);
  if (!element) throw new Error(`the page has no ${name}`);
  return readPageTree(await element.type(element.props));
}
