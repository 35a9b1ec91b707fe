/** Names for demo people, drawn from the mix of backgrounds found in Hertfordshire's frontline teams. */
export const FIRST_NAMES = [
  'Aisha', 'Amara', 'Amelia', 'Andrzej', 'Anil', 'Bukola', 'Callum', 'Chloe', 'Chidi', 'Ciaran', 'Daniel', 'Deepa', 'Dylan', 'Ebony',
  'Elif', 'Emma', 'Fatima', 'Gareth', 'Grace', 'Hamza', 'Hannah', 'Harpreet', 'Imran', 'Isla', 'Jack', 'Jamal', 'Jasmine', 'Joanna',
  'Kacper', 'Kofi', 'Lakshmi', 'Leah', 'Liam', 'Lucy', 'Marcus', 'Maria', 'Mehmet', 'Mohammed', 'Nadia', 'Niamh', 'Oliver', 'Olumide',
  'Owen', 'Paul', 'Precious', 'Priya', 'Rajesh', 'Rebecca', 'Rhys', 'Rosa', 'Ruth', 'Sadia', 'Samuel', 'Sanjay', 'Sarah', 'Sean',
  'Shauna', 'Simone', 'Sophie', 'Stephen', 'Tariq', 'Tendai', 'Thomas', 'Tomasz', 'Yasmin', 'Yusuf', 'Zainab', 'Zoë', 'Agnieszka',
  'Bogdan', 'Carys', 'Darnell', 'Efua', 'Femi', 'Georgios', 'Ioana', 'Kwame', 'Mei', 'Nkechi', 'Raheem',
] as const;

export const SURNAMES = [
  'Adeyemi', 'Ahmed', 'Akhtar', 'Anderson', 'Appiah', 'Baker', 'Begum', 'Bennett', 'Brown', 'Campbell', 'Chaudhry', 'Chen', 'Clarke',
  'Collins', 'Davies', 'Demir', 'Doherty', 'Edwards', 'Evans', 'Francis', 'Ghosh', 'Green', 'Hall', 'Hussain', 'Jackson', 'James',
  'Johnson', 'Jones', 'Kaur', 'Khan', 'Kowalski', 'Lewis', 'Mahmood', 'Mensah', 'Mitchell', 'Murphy', 'Nowak', 'O\'Brien', 'Okafor',
  'Okonkwo', 'Osei', 'Patel', 'Popescu', 'Price', 'Rahman', 'Roberts', 'Robinson', 'Scott', 'Shah', 'Singh', 'Smith', 'Taylor',
  'Thomas', 'Thompson', 'Turner', 'Walker', 'Ward', 'Williams', 'Wilson', 'Wiśniewski', 'Wood', 'Wright', 'Yilmaz', 'Young',
] as const;
