CREATE TABLE `sandbox_snapshots` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`snapshot` blob NOT NULL,
	`bytes` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
