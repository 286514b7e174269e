import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-stone-900 text-white hover:bg-stone-700 disabled:bg-stone-400",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-300",
};

const sizes = { sm: "px-2 py-1 text-xs", md: "px-3 py-1.5 text-sm" };

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants; size?: keyof typeof sizes };

export function Button({ variant = "secondary", size = "md", type = "button", className = "", ...props }: ButtonProps) {
  return <button type={type} className={`rounded font-medium disabled:cursor-not-allowed ${variants[variant]} ${sizes[size]} ${className}`} {...props} />;
}
