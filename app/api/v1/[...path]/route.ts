import { apiError } from "@/lib/api/http";

// Unknown API paths answer in the API's error shape rather than with the site's HTML 404 page.
function notFound() {
  return apiError(404, "not_found", "No such API endpoint. The reference is at /api/v1/openapi.json.");
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
