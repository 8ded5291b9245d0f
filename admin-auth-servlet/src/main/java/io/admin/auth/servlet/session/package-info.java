/**
 * Browser sessions in HTTP-only cookies (docs/http-contract.md, "Browser apps"): the settings a
 * host application gives {@code AdminAuth} so that the library signs people in on the server side
 * (a backend-for-frontend) and keeps their tokens where no page script can read them.
 */
package io.admin.auth.servlet.session;
