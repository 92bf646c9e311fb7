ALTER TABLE `question_reports` ADD `triage_note` text;--> statement-breakpoint
ALTER TABLE `question_reports` ADD `triaged_at` integer;--> statement-breakpoint
ALTER TABLE `question_reports` ADD `triaged_by_user_id` integer REFERENCES users(id);