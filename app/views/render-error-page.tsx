import { ErrorPage, type ErrorPageProps } from './error-page.tsx';

/** For code outside a .tsx file (create-app's onError) that must render the error page. */
export function renderErrorPage(props: ErrorPageProps) {
  return <ErrorPage {...props} />;
}
