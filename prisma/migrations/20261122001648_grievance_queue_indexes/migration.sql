-- CreateIndex
CREATE INDEX "Grievance_createdAt_id_idx" ON "Grievance"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Grievance_description_trgm_idx" ON "Grievance" USING GIN ("description" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Grievance_summary_trgm_idx" ON "Grievance" USING GIN ("summary" gin_trgm_ops);
