CREATE TABLE `sandbox_keys` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`access_key_id` text NOT NULL,
	`secret_access_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sandbox_keys_access_key_id_unique` ON `sandbox_keys` (`access_key_id`);