/** The days the usage views look back over; the API keeps 90. */
export const usageDays = 30;
