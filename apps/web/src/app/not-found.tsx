import Link from "next/link";
import { en } from "~/messages/en";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{en.notFound.title}</h1>
      <p className="mt-2 text-slate-600">{en.notFound.body}</p>
      <Link
        href="/"
        prefetch={false}
        className="mt-6 inline-block text-sm font-medium text-indigo-700 underline"
      >
        {en.notFound.goHome}
      </Link>
    </main>
  );
}
