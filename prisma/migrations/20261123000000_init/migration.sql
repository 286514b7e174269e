-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'annotator', 'reviewer', 'admin');

-- CreateEnum
CREATE TYPE "EpisodeKind" AS ENUM ('environmental', 'contextual');

-- CreateEnum
CREATE TYPE "ExitStatusClass" AS ENUM ('submitted', 'limit', 'context_overflow', 'format_error', 'timeout', 'environment_error', 'other', 'unknown');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('pending', 'approved', 'rejected', 'needs_changes');

-- CreateEnum
CREATE TYPE "StepRole" AS ENUM ('system', 'user', 'assistant', 'tool', 'environment');

-- CreateEnum
CREATE TYPE "StepKind" AS ENUM ('message', 'reasoning', 'tool_call', 'observation', 'file_edit', 'test_run');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('running', 'committed', 'failed', 'undone');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMP(3),
    "refresh_token_expires_at" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "key_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_batches" (
    "id" SERIAL NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'running',
    "source" TEXT NOT NULL,
    "created_by_id" TEXT,
    "files" JSONB NOT NULL DEFAULT '[]',
    "imported" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "invalid" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "options" JSONB NOT NULL DEFAULT '{}',
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "undone_at" TIMESTAMP(3),

    CONSTRAINT "import_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "episodes" (
    "id" SERIAL NOT NULL,
    "kind" "EpisodeKind" NOT NULL,
    "source_format" TEXT NOT NULL,
    "format_version" TEXT,
    "instance_id" TEXT,
    "repo" TEXT,
    "agent" TEXT,
    "model" TEXT,
    "attempt_group" TEXT,
    "attempt_index" INTEGER,
    "is_best_attempt" BOOLEAN,
    "exit_status_raw" TEXT,
    "exit_status_class" "ExitStatusClass" NOT NULL DEFAULT 'unknown',
    "resolved" BOOLEAN,
    "f2p_pass" INTEGER,
    "f2p_fail" INTEGER,
    "p2p_pass" INTEGER,
    "p2p_fail" INTEGER,
    "step_count" INTEGER NOT NULL DEFAULT 0,
    "tool_call_count" INTEGER NOT NULL DEFAULT 0,
    "token_count" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" DOUBLE PRECISION,
    "api_calls" INTEGER,
    "patch_bytes" INTEGER NOT NULL DEFAULT 0,
    "files_touched" INTEGER NOT NULL DEFAULT 0,
    "quality_flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "review_status" "ReviewStatus" NOT NULL DEFAULT 'pending',
    "content_hash" TEXT NOT NULL,
    "import_batch_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "episodes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "episode_contents" (
    "episode_id" INTEGER NOT NULL,
    "task_text" TEXT,
    "base_commit" TEXT,
    "final_patch" TEXT,
    "gold_patch" TEXT,
    "test_patch" TEXT,
    "pull_request" JSONB,
    "outcome" JSONB NOT NULL DEFAULT '{}',
    "attached" JSONB,
    "quality" JSONB NOT NULL DEFAULT '{}',
    "meta" JSONB NOT NULL DEFAULT '{}',
    "source_file" TEXT NOT NULL,
    "source_location" INTEGER NOT NULL,
    "raw_sha256" TEXT NOT NULL,
    "raw_gzip" BYTEA NOT NULL,

    CONSTRAINT "episode_contents_pkey" PRIMARY KEY ("episode_id")
);

-- CreateTable
CREATE TABLE "steps" (
    "episode_id" INTEGER NOT NULL,
    "idx" INTEGER NOT NULL,
    "role" "StepRole" NOT NULL,
    "kind" "StepKind" NOT NULL,
    "tool_name" TEXT,
    "text" TEXT NOT NULL,
    "arguments" JSONB,
    "exit_code" INTEGER,
    "parts" JSONB NOT NULL,
    "meta" JSONB,

    CONSTRAINT "steps_pkey" PRIMARY KEY ("episode_id","idx")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" SERIAL NOT NULL,
    "instance_id" TEXT NOT NULL,
    "model" TEXT,
    "source" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "import_batch_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "import_batches_started_at_idx" ON "import_batches"("started_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "episodes_content_hash_key" ON "episodes"("content_hash");

-- CreateIndex
CREATE INDEX "episodes_created_at_id_idx" ON "episodes"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "episodes_import_batch_id_idx" ON "episodes"("import_batch_id");

-- CreateIndex
CREATE INDEX "episodes_instance_id_idx" ON "episodes"("instance_id");

-- CreateIndex
CREATE INDEX "episodes_repo_idx" ON "episodes"("repo");

-- CreateIndex
CREATE INDEX "episodes_model_idx" ON "episodes"("model");

-- CreateIndex
CREATE INDEX "episodes_kind_review_status_idx" ON "episodes"("kind", "review_status");

-- CreateIndex
CREATE INDEX "episodes_exit_status_class_idx" ON "episodes"("exit_status_class");

-- CreateIndex
CREATE INDEX "episodes_quality_flags_idx" ON "episodes" USING GIN ("quality_flags");

-- CreateIndex
CREATE INDEX "steps_tool_name_idx" ON "steps"("tool_name");

-- CreateIndex
CREATE UNIQUE INDEX "attachments_content_hash_key" ON "attachments"("content_hash");

-- CreateIndex
CREATE INDEX "attachments_instance_id_idx" ON "attachments"("instance_id");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_import_batch_id_fkey" FOREIGN KEY ("import_batch_id") REFERENCES "import_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "episode_contents" ADD CONSTRAINT "episode_contents_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "episodes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "steps" ADD CONSTRAINT "steps_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "episodes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_import_batch_id_fkey" FOREIGN KEY ("import_batch_id") REFERENCES "import_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
