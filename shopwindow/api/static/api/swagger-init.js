// Starts Swagger UI on the API docs page. A file of its own, not an inline script, so the page
// keeps the site's Content Security Policy; the page gives the OpenAPI address in a data attribute.
(function () {
  "use strict";
  var element = document.getElementById("swagger-ui");
  if (!element || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: element.getAttribute("data-openapi-url"),
    domNode: element,
    deepLinking: true
  });
})();
