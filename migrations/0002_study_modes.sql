CREATE TABLE `exam_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exam_id` integer NOT NULL,
	`position` integer NOT NULL,
	`scenario_id` text NOT NULL,
	`seed` integer NOT NULL,
	`area` text NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`answer` text,
	`answered_at` integer,
	`seconds_spent` integer DEFAULT 0 NOT NULL,
	`attempt_id` integer,
	FOREIGN KEY (`exam_id`) REFERENCES `exams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exam_questions_exam_position_idx` ON `exam_questions` (`exam_id`,`position`);--> statement-breakpoint
CREATE TABLE `exams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` integer NOT NULL,
	`status` text NOT NULL,
	`area` text,
	`kinds` text NOT NULL,
	`question_count` integer NOT NULL,
	`duration_seconds` integer NOT NULL,
	`pass_mark` real NOT NULL,
	`started_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`submitted_at` integer,
	`timed_out` integer DEFAULT false NOT NULL,
	`score` real,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `exams_profile_started_idx` ON `exams` (`profile_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `review_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` integer NOT NULL,
	`scenario_id` text NOT NULL,
	`due` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`elapsed_days` integer NOT NULL,
	`scheduled_days` integer NOT NULL,
	`learning_steps` integer NOT NULL,
	`reps` integer NOT NULL,
	`lapses` integer NOT NULL,
	`state` integer NOT NULL,
	`last_review` integer,
	`last_seed` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_cards_profile_scenario_idx` ON `review_cards` (`profile_id`,`scenario_id`);--> statement-breakpoint
CREATE INDEX `review_cards_profile_due_idx` ON `review_cards` (`profile_id`,`due`);--> statement-breakpoint
CREATE TABLE `study_settings` (
	`profile_id` integer PRIMARY KEY NOT NULL,
	`target_retention` real DEFAULT 0.9 NOT NULL,
	`new_per_day` integer DEFAULT 10 NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `attempts` ADD `confidence` text;--> statement-breakpoint
ALTER TABLE `attempts` ADD `source` text DEFAULT 'practice' NOT NULL;--> statement-breakpoint
ALTER TABLE `attempts` ADD `essential_passed` integer;--> statement-breakpoint
CREATE INDEX `attempts_profile_scenario_idx` ON `attempts` (`profile_id`,`scenario_id`,`id`);