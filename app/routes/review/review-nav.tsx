/**
 * The "Review" entry of the site navigation with how many reviews are due. Like the account
 * entries it reads the request's context, so pages need not pass the learner to the layout.
 */
import { tryGetContext } from 'hono/context-storage';
import { countDueCards } from '../../progress/review-cards.ts';
import type { AppEnv } from '../app-env.ts';

/** Synchronous for a visitor with no profile, so a page without a learner renders in one pass. */
export function ReviewNavItem({ current }: { current: string | undefined }) {
  const c = tryGetContext<AppEnv>();
  // Only pages that looked up the learner know whose cards to count; reading creates nothing.
  const profile = c?.var.identified ? c.var.profile : undefined;
  if (!profile || !c) return <ReviewEntry current={current} due={0} />;
  return countDueCards(c.var.deps.db, profile.id, c.var.deps.clock.now()).then((due) => <ReviewEntry current={current} due={due} />);
}

function ReviewEntry({ current, due }: { current: string | undefined; due: number }) {
  return (
    <li>
      <a href="/review" aria-current={current === 'review' ? 'page' : undefined}>
        Review
        {due > 0 ? (
          <>
            {' '}
            <span class="nav-count" data-due-count={due}>
              {due} due<span class="visually-hidden"> now</span>
            </span>
          </>
        ) : null}
      </a>
    </li>
  );
}
