import { describe, expect, it } from "vitest";
import { fileStem, instanceIdFromFileName, repoFromInstanceId } from "./instance";

describe("repoFromInstanceId", () => {
  it.each([
    ["django__django-15731", "django/django"],
    ["scikit-learn__scikit-learn-12345", "scikit-learn/scikit-learn"],
    ["Project-MONAI__MONAI.a09c1f08.pr_4186", "Project-MONAI/MONAI"],
    ["pandas-dev__pandas.95280573.pr_53856", "pandas-dev/pandas"],
    ["getmoto__moto.694ce1f4.func_pm_remove_cond__x1y2z3", "getmoto/moto"],
    ["python__mypy-15976_0", "python/mypy"],
    ["ponylang__ponyc-4595", "ponylang/ponyc"],
  ])("%s -> %s", (id, repo) => {
    expect(repoFromInstanceId(id)).toBe(repo);
  });

  it.each(["swe_main", "my-task", "__django-1", "own_er__repo-1", "django__django", "x".repeat(400) + "__y-1"])(
    "returns null for %s",
    (id) => {
      expect(repoFromInstanceId(id)).toBeNull();
    },
  );
});

describe("instanceIdFromFileName", () => {
  it.each([
    ["runs/x/django__django-15731/report.json", "django__django-15731"],
    ["06_swebench-instance-report_django__django-15731.json", "django__django-15731"],
    ["trajs/psf__requests-1142/psf__requests-1142.traj.json", "psf__requests-1142"],
    ["03_swe-agent-v1.0.1_pandas-dev__pandas.95280573.pr_53856.traj", "pandas-dev__pandas.95280573.pr_53856"],
    ["C:\\runs\\pydicom__pydicom-1458.pred", "pydicom__pydicom-1458"],
  ])("%s -> %s", (fileName, id) => {
    expect(instanceIdFromFileName(fileName)).toBe(id);
  });

  it.each(["report.json", "logs/report.json", "my-task.traj", ""])("returns null for %j", (fileName) => {
    expect(instanceIdFromFileName(fileName)).toBeNull();
  });
});

describe("fileStem", () => {
  it("drops the folder and a known extension", () => {
    expect(fileStem("a/b/my-task.traj.json")).toBe("my-task");
    expect(fileStem("my-task.traj")).toBe("my-task");
    expect(fileStem("notes.txt")).toBe("notes.txt");
  });
});
