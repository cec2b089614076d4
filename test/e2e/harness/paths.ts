import { join } from "node:path";
import { REPO_ROOT } from "../../../playground/server/server";

/** The demo vault on disk (what the suite's server serves). */
export const DEMO_VAULT = join(REPO_ROOT, "demo-vault");
/** Where screenshots are saved for review (git-ignored). */
export const SCREENSHOT_DIR = join(REPO_ROOT, "test-results", "screenshots");
/** The seed note in the demo vault (32 citations of `aXGo1o_baBo`). */
export const SEED_NOTE = "corpus/lennyspodcast/the_rise_of_the_chief_product_and_technology_officer_role.md";
/** The note about the one-minute clip kept in the demo vault. */
export const CLIP_NOTE = "Sample clip.md";
