CREATE TABLE `attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` integer NOT NULL,
	`submission_token` text NOT NULL,
	`scenario_id` text NOT NULL,
	`seed` integer NOT NULL,
	`area` text NOT NULL,
	`objectives` text NOT NULL,
	`params` text NOT NULL,
	`answer` text NOT NULL,
	`verdict` text NOT NULL,
	`score` real NOT NULL,
	`seconds_taken` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_submission_token_unique` ON `attempts` (`submission_token`);--> statement-breakpoint
CREATE INDEX `attempts_profile_created_idx` ON `attempts` (`profile_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `attempts_scenario_idx` ON `attempts` (`scenario_id`);--> statement-breakpoint
CREATE TABLE `profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `profiles_token_unique` ON `profiles` (`token`);--> statement-breakpoint
CREATE TABLE `question_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` integer NOT NULL,
	`scenario_id` text NOT NULL,
	`seed` integer NOT NULL,
	`message` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_reports_profile_variant_message_idx` ON `question_reports` (`profile_id`,`scenario_id`,`seed`,`message`);