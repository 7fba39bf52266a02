import { describe, expect, it } from "vitest";
import { asSiteSettings } from "../../src/build-cache/inputs-digest.ts";

const settings = {
  site: { title: "Watching the coast", baseUrl: "https://watch.example/", repository: null },
  outlets: [{ id: "harbor", name: "The Harbor Courier" }],
  checkDays: 30,
  outletCheckDays: { harbor: 30 },
};

describe("asSiteSettings", () => {
  it("takes settings a cache head kept when they are whole", () => {
    expect(asSiteSettings(settings)).toEqual(settings);
    const withRepository = {
      ...settings,
      site: { ...settings.site, repository: "https://github.com/o/r" },
    };
    expect(asSiteSettings(withRepository)).toEqual(withRepository);
  });

  it("refuses anything else, so that the build reads the config instead", () => {
    for (const damaged of [
      undefined,
      null,
      "settings",
      { ...settings, site: { title: "x", baseUrl: 3, repository: null } },
      { ...settings, outlets: [{ id: "harbor" }] },
      { ...settings, checkDays: "30" },
      { ...settings, outletCheckDays: { harbor: null } },
      { ...settings, site: { ...settings.site, repository: undefined } },
    ]) {
      expect(asSiteSettings(damaged)).toBeNull();
    }
  });
});
