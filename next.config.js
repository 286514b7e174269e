/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Runtime-only server packages: keep them out of the bundler.
  serverExternalPackages: ["pg", "pg-cursor", "@electric-sql/pglite"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
