import { Ajv2020 } from "ajv/dist/2020";
import { openApiDocument } from "../api/openapi";

// Checks a real answer against what the OpenAPI document promises for it: the status is
// documented for the operation, every header it marks required is there, and the body
// validates against its schema (components resolved from the document itself).

type Responses = Record<
  string,
  { headers?: Record<string, { required?: boolean }>; content?: Record<string, { schema: unknown }> }
>;
type Operation = { responses: Responses };

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const { components } = openApiDocument;

export async function conformanceProblems(
  path: keyof typeof openApiDocument.paths,
  method: "get" | "post",
  response: Response,
): Promise<string[]> {
  const operation = (openApiDocument.paths[path] as unknown as Record<string, Operation | undefined>)[method];
  if (!operation) return [`${method.toUpperCase()} ${path} is not documented`];
  const documented = operation.responses[String(response.status)];
  if (!documented) return [`${method.toUpperCase()} ${path} does not document status ${response.status}`];
  const problems = Object.entries(documented.headers ?? {})
    .filter(([name, header]) => header.required && !response.headers.has(name))
    .map(([name]) => `header ${name} is missing from the ${response.status} answer`);
  const schema = documented.content?.["application/json"]?.schema;
  if (schema) {
    const validate = ajv.compile({ ...(schema as object), components });
    const body: unknown = await response.clone().json();
    if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message}`));
  }
  return problems;
}
