DROP INDEX "residents_name";--> statement-breakpoint
CREATE INDEX "household_members_current" ON "household_members" USING btree ("company_id","resident_id","unit_id") WHERE "household_members"."moved_out_on" is null;--> statement-breakpoint
CREATE INDEX "vehicles_plate" ON "vehicles" USING btree ("company_id","plate_bidx");--> statement-breakpoint
CREATE INDEX "residents_name" ON "residents" USING btree ("company_id","name_search","created_at" DESC NULLS FIRST,"id");