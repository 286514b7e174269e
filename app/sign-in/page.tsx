import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only same-site paths: an open redirect through ?next= would be a phishing aid.
  const returnTo = next && next.startsWith("/") && !next.startsWith("//") ? next : "/episodes";
  return (
    <main className="flex min-h-screen items-center justify-center">
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-stone-200 bg-white p-8 shadow-sm">
        <div>
          <h1 className="text-2xl font-semibold">Sign in to Atelier</h1>
          <p className="mt-1 text-sm text-stone-600">
            Accounts are created by an admin: <code>npm run atelier -- users add</code>.
          </p>
        </div>
        <SignInForm returnTo={returnTo} />
      </div>
    </main>
  );
}
